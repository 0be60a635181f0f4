// `npm start`: builds the counter UI, then runs the hub on embedded SQLite (./data) with a demo
// region, serving the UI at its address, and the desktop app against it where Electron is installed.
import { spawn, spawnSync } from 'node:child_process';
import { ensureSqlite } from './ensure-env.mjs';
import { startDesktop } from './start-electron.mjs';

ensureSqlite();
const port = process.env.PORT ?? '8080';
const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The hub serves the counter UI at its root URL and seeds the demo region on first run.
const hub = spawn(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'serve', '--demo', '--port', port], { stdio: 'inherit' });
hub.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => hub.kill(sig));

// The desktop app runs against this hub where Electron's binary is installed (`npm install` does not
// download it, see README); elsewhere one line says so and the browser serves the same UI.
await startDesktop(process.cwd(), `http://127.0.0.1:${port}`);
