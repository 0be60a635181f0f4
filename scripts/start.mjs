// `npm start`: builds the counter UI and serves it. The hub (with its demo region) joins here once
// it exists (issue 3); until then the UI runs alone through the web bridge.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureSqlite } from './ensure-env.mjs';

ensureSqlite();
const port = process.env.PORT ?? '8080';
const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

if (existsSync('hub/cli/main.ts')) {
  const hub = spawn('npx', ['tsx', 'hub/cli/main.ts', 'serve', '--demo', '--port', port], { stdio: 'inherit' });
  hub.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`\n通办柜台界面：http://127.0.0.1:${port}/  （中心服务尚未包含在此版本中）\n`);
  const ui = spawn('npx', ['vite', 'preview', '--config', 'renderer/vite.config.ts', '--host', '127.0.0.1', '--port', port, '--strictPort'], { stdio: 'inherit' });
  ui.on('exit', (code) => process.exit(code ?? 0));
}
