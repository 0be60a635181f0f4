// `npm test`: every check a submission must pass, in order: typecheck, lint, unit, integration,
// end-to-end. Stops at the first failure and prints a closing summary line.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureSqlite } from './ensure-env.mjs';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration', '--passWithNoTests']],
  ['e2e', 'npx', ['playwright', 'test']],
];

ensureSqlite();
if (!ensureChromium()) process.exit(1);

let passed = 0;
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n=== ${name} failed after ${secs}s ===`);
    console.log(`${passed} passed, 1 failed`);
    process.exit(r.status ?? 1);
  }
  passed++;
  console.log(`=== ${name} ok (${secs}s) ===`);
}
console.log(`\nsteps: ${passed} passed, 0 failed`);
