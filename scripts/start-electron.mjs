// `npm start`'s desktop half: where Electron's binary is installed (node_modules/electron/path.txt
// and the binary it names, which `npm install` does not download here), build the app with
// electron-vite and run it against the demo hub; where it is not, say so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const NO_ELECTRON_NOTE = '未安装 Electron 运行时，桌面客户端不启动：请在浏览器中打开下方地址使用同一界面。';

/** The Electron binary of the project at `root`, as the electron package itself finds it; null when absent. */
export function electronBinary(root) {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** How to start the desktop app against the hub at `hubUrl`: the binary, the app folder, the hub address. */
export function electronLaunch(root, hubUrl, env = process.env) {
  const binary = electronBinary(root);
  if (!binary) return null;
  return { command: binary, args: [root], env: { ...env, TONGBAN_HUB_URL: hubUrl } };
}

/** Waits until the hub answers /healthz (it seeds the demo region first), at most `ms`. */
export async function waitForHub(hubUrl, ms = 60_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await fetch(`${hubUrl}/healthz`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/**
 * Builds and starts the desktop app, or prints the note; returns the child process or null.
 * `build: false` skips electron-vite (a test's stand-in binary needs no build).
 */
export async function startDesktop(root, hubUrl, { build = true } = {}) {
  const launch = electronLaunch(root, hubUrl);
  if (!launch) {
    console.log(NO_ELECTRON_NOTE);
    return null;
  }
  const built = build ? spawnSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' }) : { status: 0 };
  if (built.status !== 0) {
    console.log('桌面客户端构建失败，请在浏览器中打开下方地址使用同一界面。');
    return null;
  }
  if (!(await waitForHub(hubUrl))) {
    console.log(`中心 ${hubUrl} 未就绪，桌面客户端不启动。`);
    return null;
  }
  console.log(`桌面客户端已启动，连接中心 ${hubUrl}`);
  return spawn(launch.command, launch.args, { stdio: 'inherit', env: launch.env });
}
