// `npm run bench -- consult`: video call setup on loopback, in the real UI (Debian's Chromium with
// its fake camera) against a real hub: from the click on 呼叫 to the first frame of the other side's
// picture, over BENCH_CALLS calls (20). The callee answers the moment it rings (a page script
// clicks 接听), so the figure is the machine's, not a person's reaction. Times come from the
// caller page's own performance marks (consult:dial, consult:answered, consult:connected,
// consult:first-remote-frame). The browsers live on loopback only (tests/e2e/consult-net.ts).
// Figures go to stdout and tests/bench/results/consult.json; nothing here is asserted.
// Scale with: BENCH_CALLS (20), BENCH_PORT (5290), CHROMIUM_PATH (/usr/bin/chromium).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { Page } from '@playwright/test';

const CALLS = Number(process.env.BENCH_CALLS ?? 20);
process.env.E2E_HUB_PORT ??= process.env.BENCH_PORT ?? '5290';

// The little of the DOM the page-side functions use (this file compiles without the DOM lib).
interface Btn {
  textContent: string | null;
  disabled: boolean;
  click(): void;
  setAttribute(name: string, value: string): void;
}
interface PageGlobals {
  document: { body: unknown; querySelectorAll(sel: string): Iterable<Btn> };
  MutationObserver: new (cb: () => void) => { observe(target: unknown, opts: object): void };
}

/** The callee picks up as soon as 接听 appears. */
async function autoAnswer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    new g.MutationObserver(() => {
      for (const b of g.document.querySelectorAll('button:not([data-pressed])')) {
        if (b.textContent?.trim() !== '接听' || b.disabled) continue;
        b.setAttribute('data-pressed', '');
        b.click();
      }
    }).observe(g.document.body, { childList: true, subtree: true });
  });
}

/** Milliseconds from consult:dial to each later mark of the last call. */
async function marks(page: Page): Promise<Record<'answered' | 'connected' | 'firstFrame', number>> {
  const handle = await page.waitForFunction(
    () => {
      const at = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime;
      const dial = at('consult:dial');
      const frame = at('consult:first-remote-frame');
      if (dial === undefined || frame === undefined || frame < dial) return false;
      return {
        answered: (at('consult:answered') ?? NaN) - dial,
        connected: (at('consult:connected') ?? NaN) - dial,
        firstFrame: frame - dial,
      };
    },
    undefined,
    { timeout: 60_000, polling: 5 },
  );
  return (await handle.jsonValue()) as Record<'answered' | 'connected' | 'firstFrame', number>;
}

const pct = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!);
const summary = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return {
    p50: pct(s, 0.5),
    p95: pct(s, 0.95),
    min: Math.round(s[0]!),
    max: Math.round(s.at(-1)!),
  };
};

async function main(): Promise<void> {
  const { default: hubSetup } = await import('../e2e/hub-setup');
  const { enroll, hub, login } = await import('../e2e/support');
  const { CHROMIUM_ARGS } = await import('../../playwright.config');
  const { LOOPBACK_WEBRTC, loopbackNet } = await import('../e2e/consult-net');
  const teardown = await hubSetup();
  const net = await loopbackNet(hub().url);
  const browser = await net.launch([...CHROMIUM_ARGS, LOOPBACK_WEBRTC]);
  try {
    const open = async (hallId: string, username: string) => {
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      // tsx keeps function names with an `__name` helper that the page does not have.
      await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      const page = await context.newPage();
      await enroll(page, hallId);
      await login(page, username);
      return page;
    };
    const caller = await open('TJ', 'tj-clerk');
    const callee = await open('BJ', 'bj-reviewer');
    await autoAnswer(callee);
    await caller.getByRole('menuitem', { name: '会商' }).click();
    const call = caller
      .getByRole('listitem', { name: '北京市政务服务中心' })
      .getByRole('button', { name: '呼叫' });
    const panel = caller.getByRole('dialog', { name: '视频会商', exact: true });

    const runs: Record<'answered' | 'connected' | 'firstFrame', number>[] = [];
    for (let i = 0; i < CALLS + 1; i++) {
      await call.click();
      const m = await marks(caller);
      // The first call warms up the camera, the codecs and the page: not counted.
      if (i > 0) runs.push(m);
      await panel.getByRole('button', { name: '挂断' }).click();
      await panel.getByRole('button', { name: '关闭' }).click();
      await caller.evaluate(() => performance.clearMarks());
    }
    const results = {
      at: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model ?? '',
        load: loadavg().map((l) => Math.round(l * 10) / 10),
        rendering: 'software (--disable-gpu)',
      },
      network: net.isolated
        ? 'loopback only (own network namespace)'
        : 'the machine’s own interfaces',
      calls: runs.length,
      target: 'p95 < 2000 ms',
      dialToFirstRemoteFrameMs: summary(runs.map((r) => r.firstFrame)),
      dialToAnsweredMs: summary(runs.map((r) => r.answered)),
      dialToConnectedMs: summary(runs.map((r) => r.connected)),
      allMs: runs.map((r) => Math.round(r.firstFrame)),
    };
    console.log(
      `call setup, dial to first remote frame, ${runs.length} calls: p50 ${results.dialToFirstRemoteFrameMs.p50} ms, p95 ${results.dialToFirstRemoteFrameMs.p95} ms (target p95 < 2000 ms)`,
    );
    console.table({
      answered: results.dialToAnsweredMs,
      connected: results.dialToConnectedMs,
      firstFrame: results.dialToFirstRemoteFrameMs,
    });
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/consult.json', `${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await browser.close();
    await net.close();
    await teardown();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
