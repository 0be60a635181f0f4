// Makes sure what tests and the hub need is on the machine: the native SQLite binding (npm is set
// to ignore install scripts, see .npmrc) and, for end-to-end tests, Debian's Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureSqlite() {
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
  if (existsSync(join(pkgDir, 'build', 'Release', 'better_sqlite3.node'))) return;
  console.log('[env] 正在编译 better-sqlite3（首次约需一分钟）…');
  execFileSync('npm', ['rebuild', 'better-sqlite3', '--ignore-scripts=false'], { stdio: 'inherit' });
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    console.log('[env] Chromium 未安装，正在用 apt-get 安装 Debian 的 chromium…');
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], { stdio: 'inherit' });
    return existsSync(CHROMIUM);
  }
  console.error(
    `[env] 找不到 Chromium（${CHROMIUM}）。端到端测试需要 Debian 的 chromium：\n` +
      '      sudo apt-get install -y chromium   （或设置 CHROMIUM_PATH 指向已安装的 Chromium）',
  );
  return false;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureSqlite();
  if (!ensureChromium()) process.exit(1);
}
