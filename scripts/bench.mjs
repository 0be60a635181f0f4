// `npm run bench`: runs every benchmark in tests/bench/ (or those named), one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { ensureSqlite } from './ensure-env.mjs';

ensureSqlite();
const wanted = process.argv.slice(2);
const all = readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts')).sort();
const chosen = wanted.length ? all.filter((f) => wanted.some((w) => f.includes(w))) : all;
if (chosen.length === 0) {
  console.log('no benchmarks yet');
  process.exit(0);
}
for (const file of chosen) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('npx', ['tsx', `tests/bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
