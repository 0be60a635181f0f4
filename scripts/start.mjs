// `npm start`: builds the counter UI, then runs the hub on embedded SQLite (./data) with a demo
// region, serving the UI at its address.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureSqlite } from './ensure-env.mjs';

ensureSqlite();
const port = process.env.PORT ?? '8080';
const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The hub serves the counter UI at its root URL and seeds the demo region on first run.
const hub = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'serve', '--demo', '--port', port], { stdio: 'inherit' });
hub.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => hub.kill(sig));

// The desktop shell needs Electron's binary, which `npm install` does not download (see README).
if (!existsSync('node_modules/electron/path.txt')) {
  console.log('未安装 Electron 运行时，桌面客户端不启动：请在浏览器中打开下方地址使用同一界面。');
}
