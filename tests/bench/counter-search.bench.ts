// `npm run bench -- counter-search`: the counter's case list with many cases on the machine, in
// the real UI (Debian's Chromium) against a real hub: how long the list takes to open, each kind
// of search and the deadline filter take to settle, and how smoothly the list scrolls.
//   The cases are written straight into the counter's IndexedDB (as the sync would leave them),
//   so the figures are the list's own, not the sync's. Searches are timed from typing to the
//   settled count, the 150 ms the search box waits for typing to pause included.
// Figures go to stdout and tests/bench/results/counter-search.json; nothing here is asserted.
// Scale with: BENCH_CASES (200000), BENCH_PORT (5191), CHROMIUM_PATH (/usr/bin/chromium).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { calendarYearSchema } from '../../shared/calendar/calendar-data';
import { calendarOf, dueKey } from '../../renderer/data/case-due';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);

// The little of the DOM the page-side functions below use (this file compiles without the DOM lib).
interface Req<T> { result: T; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null }
interface Tx { objectStore(name: string): { put(v: unknown): void }; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown }
interface Idb { transaction(store: string, mode: 'readwrite'): Tx; close(): void }
interface El { textContent: string | null; scrollTop: number }
interface PageGlobals {
  indexedDB: { open(name: string): Req<Idb> };
  document: { querySelector(sel: string): El | null; querySelectorAll(sel: string): { length: number } };
  requestAnimationFrame(cb: (now: number) => void): number;
}

process.env.E2E_HUB_PORT ??= process.env.BENCH_PORT ?? '5191';

/** Writes `n` synthetic cases (a tenth of them per state group) straight into the store. */
/**
 * The promised-date key the sync would store with each row (renderer/data/case-due.ts), on the
 * official calendar in resources/, for the synthetic cases fill() writes.
 */
function dueKeys(n: number): (string | null)[] {
  const calendar = calendarOf(['2025', '2026', '2027'].map((y) => calendarYearSchema.parse(JSON.parse(readFileSync(`resources/calendar/${y}.json`, 'utf8')))));
  const states = ['received', 'in_review', 'needs_correction', 'approved', 'certificate_issued', 'printed', 'delivered', 'rejected', 'withdrawn'] as const;
  const base = Date.parse('2026-01-05T02:00:00Z');
  const out: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(base + i * 120_000).toISOString();
    const state = states[i % states.length]!;
    out.push(dueKey({ state, receivedAt: at, promisedDays: 5, pauses: state === 'needs_correction' ? [{ from: at }] : [] }, calendar, undefined) ?? null);
  }
  return out;
}

async function fill(page: Page, n: number): Promise<void> {
  await page.evaluate(async ({ n, dues }) => {
    const { indexedDB } = globalThis as unknown as PageGlobals;
    const idb = await new Promise<Idb>((res, rej) => {
      const r = indexedDB.open('tongban');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const states = ['received', 'in_review', 'needs_correction', 'approved', 'certificate_issued', 'printed', 'delivered', 'rejected', 'withdrawn'];
    const names = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
    const base = Date.parse('2026-01-05T02:00:00Z');
    for (let start = 0; start < n; start += 5000) {
      await new Promise<void>((res, rej) => {
        const tx = idb.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        for (let i = start; i < Math.min(n, start + 5000); i++) {
          const caseId = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
          const caseNo = `TJ${(i % 90) + 10}A-2026${String(1 + (i % 12)).padStart(2, '0')}15-${String(i % 10000).padStart(4, '0')}${'ABCDEFGHJK'[i % 10]}${i}`;
          const at = new Date(base + i * 120_000).toISOString();
          const state = states[i % states.length]!;
          const idNumber = `1101051990${String(i).padStart(7, '0')}X`;
          const applicantName = `${names[i % 10]}${names[(i >> 3) % 10]}${i}`;
          const halls = { intakeHallId: 'TJ', homeHallId: 'BJ', deliveryHallId: i % 2 ? 'TJ' : 'BJ' };
          const view = {
            caseId, caseNo, itemCode: 'XK00101001-BJ', itemName: '护士执业注册（首次注册）', promisedDays: 5, state,
            applicant: { kind: 'person', name: applicantName, idType: 'resident', idNumber, phone: '13800138000' },
            form: { practiceOrg: '北京协和医院' }, materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }],
            halls, queryCode: '123456', receivedAt: at, updatedAt: at, pauses: state === 'needs_correction' ? [{ from: at }] : [],
            prints: [], notes: [],
            history: [{ eventId: caseId, type: 'case.received', at, actor: { staffId: 'x', hallId: 'TJ' }, deviceId: 'd', hubSeq: i + 1, payload: {} }],
          };
          const due = dues[i];
          store.put({ caseId, caseNo, state, itemCode: view.itemCode, itemName: view.itemName, applicantName, idNumber, ...halls, receivedAt: at, updatedAt: at, pending: i % 1000 === 0 ? 1 : 0, ...(due ? { due } : {}), view });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    }
    idb.close();
  }, { n, dues: dueKeys(n) });
}

/** Waits until the count line shows a settled result (no "正在筛选") containing `text`. */
async function settled(page: Page, text: string): Promise<string> {
  const handle = await page.waitForFunction(
    (want) => {
      const { document } = globalThis as unknown as PageGlobals;
      const s = document.querySelector('[role="status"][aria-label="办件数量"]')?.textContent ?? '';
      return s.includes(want) && !s.includes('正在筛选') && !s.includes('正在读取') ? s : false;
    },
    text,
    { timeout: 600_000, polling: 10 },
  );
  return (await handle.jsonValue()) as string;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

/** Scrolls the list body by `px` each frame for 3 s; frame times in ms. */
async function scroll(page: Page, px: number): Promise<{ frames: number; p50: number; p95: number; max: number; rowsInDom: number }> {
  return page.evaluate(async (px) => {
    const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals;
    const body = document.querySelector('[role="grid"] > [role="rowgroup"]:nth-child(2)')!;
    const times: number[] = [];
    let last = performance.now();
    const end = last + 3000;
    await new Promise<void>((res) => {
      const step = (now: number) => {
        times.push(now - last);
        last = now;
        body.scrollTop += px;
        if (now < end) requestAnimationFrame(step);
        else res();
      };
      requestAnimationFrame(step);
    });
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]!);
    return { frames: times.length, p50: at(0.5), p95: at(0.95), max: at(1), rowsInDom: document.querySelectorAll('[role="row"]').length };
  }, px);
}

async function main(): Promise<void> {
  // The end-to-end setup builds the UI and starts a hub with the demo region on BENCH_PORT.
  const { default: hubSetup } = await import('../e2e/hub-setup');
  const { enroll, hub, login } = await import('../e2e/support');
  const { CHROMIUM_ARGS } = await import('../../playwright.config');
  const teardown = await hubSetup();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    // tsx keeps function names with an `__name` helper that the page does not have.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await enroll(page, 'BJ');
    await login(page, 'bj-reviewer');
    const filled = await timed(() => fill(page, CASES));
    console.log(`wrote ${CASES} cases into the counter's store in ${filled.ms} ms`);

    const open = await timed(async () => {
      await page.getByRole('menuitem', { name: '办件' }).click();
      return settled(page, `本机共 ${CASES} 件`);
    });
    const search = page.getByRole('textbox', { name: '搜索办件' });
    const searches: { kind: string; query: string; ms: number; found: string }[] = [];
    for (const [kind, query] of [
      ['case number, wide prefix', 'TJ5'],
      ['case number, narrow prefix (lower case)', 'tj55a-202604'],
      ['case number, whole', `TJ10A-20260115-0000A0`],
      ['name prefix', '王李1'],
      ['ID number, whole', `1101051990${String(Math.floor(CASES / 2)).padStart(7, '0')}X`],
      ['ID number, prefix', '11010519900001'],
      ['no match', '不存在'],
    ] as const) {
      const r = await timed(async () => {
        await search.fill(query);
        return settled(page, '找到');
      });
      searches.push({ kind, query, ms: r.ms, found: r.value.replace(/（.*$/, '') });
      await search.fill('');
      await settled(page, `本机共 ${CASES} 件`);
    }
    const deadline = await timed(async () => {
      await page.getByRole('combobox', { name: '办结期限' }).click();
      await page.getByRole('option', { name: '临期或已超期' }).click();
      return settled(page, '找到');
    });
    await page.getByRole('button', { name: '清除筛选' }).click();
    await settled(page, `本机共 ${CASES} 件`);
    const scrolling: Record<string, Awaited<ReturnType<typeof scroll>>> = {};
    for (const px of [0, 44, 200, 2000]) scrolling[`${px}px/frame`] = await scroll(page, px);
    await page.getByRole('grid', { name: '办件列表' }).focus();
    const end = await timed(async () => {
      await page.keyboard.press('End');
      await page.getByRole('row', { selected: true }).filter({ hasText: 'TJ10A-20260115-0000A0' }).waitFor();
    });

    const results = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', rendering: 'software (--disable-gpu)' },
      cases: CASES,
      fillMs: filled.ms,
      openListMs: open.ms,
      searches,
      deadlineFilter: { ms: deadline.ms, found: deadline.value.replace(/（.*$/, '') },
      scrolling,
      endKeyMs: end.ms,
    };
    console.log(`\nopen the list: ${open.ms} ms`);
    console.table(searches);
    console.log(`deadline filter (临期或已超期): ${deadline.ms} ms, ${results.deadlineFilter.found}`);
    console.table(scrolling);
    console.log(`End key to the oldest case: ${end.ms} ms`);
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/counter-search.json', `${JSON.stringify(results, null, 2)}\n`);
    rmSync(hub().dataDir, { recursive: true, force: true });
  } finally {
    await browser.close();
    await teardown();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
