// The technician's update from a USB stick: choose the folder, verify it, copy it to the app's own
// staging folder and verify the copy again (what is installed is what was verified, even if the stick
// is pulled or changed), then hand the installer for this system to the installer launcher.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { StagedUpdate } from '../../shared/bridge';
import { MANIFEST_FILE, type UpdateFile, type UpdateManifest } from '../../shared/update';
import { IpcRefusal } from './ipc';
import { verifyUpdateFolder } from './update-folder';

export type InstallerKind = 'nsis' | 'appimage' | 'deb';

const ARCH_TOKENS: Record<string, readonly string[]> = { x64: ['x64', 'x86_64', 'amd64'], arm64: ['arm64', 'aarch64'] };

/**
 * The installer in a package for this machine: Windows takes the NSIS .exe; Linux replaces a running
 * AppImage with the new AppImage, and otherwise takes the .deb. The file name must name the machine's
 * architecture (the builder's artifact names do).
 */
export function pickInstaller(files: readonly UpdateFile[], platform: string, arch: string, runningAppImage: boolean): { file: UpdateFile; kind: InstallerKind } | null {
  const kind: InstallerKind | null = platform === 'win32' ? 'nsis' : platform === 'linux' ? (runningAppImage ? 'appimage' : 'deb') : null;
  if (!kind) return null;
  const ext = { nsis: '.exe', appimage: '.AppImage', deb: '.deb' }[kind];
  const tokens = ARCH_TOKENS[arch] ?? [arch];
  const file = files.find((f) => {
    const name = basename(f.path);
    return name.endsWith(ext) && tokens.some((t) => new RegExp(`[-_.]${t}[-_.]`, 'i').test(name.slice(0, -ext.length) + '.'));
  });
  return file ? { file, kind } : null;
}

export interface UsbUpdateDeps {
  publicKey: string;
  currentVersion: string;
  /** The app's own folder for verified packages (under userData). */
  stagingDir: string;
  platform: string;
  arch: string;
  runningAppImage: boolean;
  /** Asks the technician for the folder; null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Starts the installer and ends the app (Electron in the app, a fake in tests). */
  launch(installerPath: string, kind: InstallerKind): Promise<void>;
}

const refuse = (code: string, message: string) => new IpcRefusal({ code, message });

export class UsbUpdates {
  private staged: { manifest: UpdateManifest; dir: string; source: string } | null = null;

  constructor(private readonly deps: UsbUpdateDeps) {}

  async fromUsb(): Promise<StagedUpdate> {
    const folder = await this.deps.chooseFolder();
    if (!folder) throw refuse('CANCELLED', '未选择更新包');
    const check = { publicKey: this.deps.publicKey, currentVersion: this.deps.currentVersion };
    const onStick = await verifyUpdateFolder(folder, check);
    if (!onStick.ok) throw new IpcRefusal(onStick.error);
    const manifest = onStick.value;
    if (!pickInstaller(manifest.files, this.deps.platform, this.deps.arch, this.deps.runningAppImage)) {
      throw refuse('NO_INSTALLER', `更新包 ${manifest.version} 中没有适用于本机（${this.deps.platform} ${this.deps.arch}）的安装程序`);
    }
    const dir = join(this.deps.stagingDir, manifest.version);
    await rm(dir, { recursive: true, force: true });
    for (const f of [...manifest.files.map((x) => x.path), MANIFEST_FILE]) {
      await mkdir(dirname(join(dir, f)), { recursive: true });
      await copyFile(join(folder, f), join(dir, f));
    }
    const copy = await verifyUpdateFolder(dir, check);
    if (!copy.ok || copy.value.version !== manifest.version) {
      await rm(dir, { recursive: true, force: true });
      throw refuse('COPY_FAILED', `更新包拷贝到本机后校验失败（${copy.ok ? '版本不符' : copy.error.message}）：请检查 U 盘后重试`);
    }
    this.staged = { manifest, dir, source: folder };
    return { version: manifest.version, source: folder, files: manifest.files.length };
  }

  async install(version: string): Promise<null> {
    const staged = this.staged;
    if (!staged || staged.manifest.version !== version) throw refuse('NOT_STAGED', `没有已校验的 ${version} 版更新包：请先从 U 盘读取并校验`);
    // Checked once more right before it runs: the staging folder is on this machine's disk, but not ours alone.
    const again = await verifyUpdateFolder(staged.dir, { publicKey: this.deps.publicKey, currentVersion: this.deps.currentVersion });
    if (!again.ok) throw new IpcRefusal(again.error);
    const picked = pickInstaller(again.value.files, this.deps.platform, this.deps.arch, this.deps.runningAppImage);
    if (!picked) throw refuse('NO_INSTALLER', '更新包中没有适用于本机的安装程序');
    await this.deps.launch(join(staged.dir, picked.file.path), picked.kind);
    return null;
  }
}
