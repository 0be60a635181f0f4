// Reading an update folder (a USB stick, a staging copy, the app's resources) from the disk: the
// manifest beside the files, and each file's SHA-512 streamed so a large installer is never held whole.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { isSafeRelativePath, MANIFEST_FILE, verifyUpdate, type UpdateFileSource, type UpdateManifest } from '../../shared/update';
import { fail, type Result } from '../../shared/result';

async function within(dir: string, path: string): Promise<string | null> {
  if (!isSafeRelativePath(path)) return null;
  try {
    const base = await realpath(dir);
    const full = await realpath(resolve(base, path));
    return full.startsWith(base + sep) ? full : null;
  } catch {
    return null;
  }
}

export function sha512File(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const hash = createHash('sha512');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', rej)
      .on('end', () => res(hash.digest('hex')));
  });
}

/** The files of a folder as the verifier reads them: only regular files inside it, never a link out. */
export function folderSource(dir: string): UpdateFileSource {
  return {
    async digest(path) {
      const full = await within(dir, path);
      if (!full) return null;
      const info = await lstat(full).catch(() => null);
      if (!info?.isFile()) return null;
      return { size: info.size, sha512: await sha512File(full) };
    },
  };
}

/** The manifest file parsed, or why it cannot be: missing, or not JSON. */
export async function readManifestFile(path: string): Promise<Result<unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return fail('MANIFEST_MISSING', `未找到更新清单 ${path}：这不是通办的更新包，或拷贝不完整`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return fail('MANIFEST_INVALID', '更新清单不是有效的 JSON：文件已损坏');
  }
}

export interface FolderCheck {
  publicKey: string;
  currentVersion: string | null;
  /** The manifest's name in the folder: the update manifest, or the build attestation. */
  manifestName?: string;
}

/** The whole check of a folder: manifest, signature, version, files. */
export async function verifyUpdateFolder(dir: string, check: FolderCheck): Promise<Result<UpdateManifest>> {
  const raw = await readManifestFile(resolve(dir, check.manifestName ?? MANIFEST_FILE));
  if (!raw.ok) return raw;
  return verifyUpdate(raw.value, { publicKey: check.publicKey, currentVersion: check.currentVersion, files: folderSource(dir) });
}
