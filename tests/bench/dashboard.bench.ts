// `npm run bench -- dashboard`: the supervision dashboard on a region supervisor's counter holding
// many cases, in the real UI (Debian's Chromium) against a real hub: how long the dashboard takes
// to show its figures and charts: the first time (from the login, which starts the worker reading
// every case row), after a reload (from the saved facts; 督查 clicked as the login completes, and
// a moment later), again in the session and after a filter change; how long a case pushed by
// another counter takes to show; how long a figure's list and its Excel export take.
//   The cases are written straight into the counter's IndexedDB (as the sync would leave them),
//   with ratings, rectifications, correction pauses and flags among them, so the figures are the
//   dashboard's own, not the sync's. Each timing runs from the click to the settled figures.
// Figures go to stdout and tests/bench/results/dashboard.json; nothing here is asserted.
// Scale with: BENCH_CASES (200000), BENCH_PORT (5197), CHROMIUM_PATH (/usr/bin/chromium).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Download, type Page } from '@playwright/test';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
process.env.E2E_HUB_PORT ??= process.env.BENCH_PORT ?? '5197';

// The little of the DOM the page-side functions below use (this file compiles without the DOM lib).
interface Req<T> { result: T; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null }
interface Tx { objectStore(name: string): { put(v: unknown): void }; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown }
interface Idb { transaction(stores: string | string[], mode: 'readwrite'): Tx; close(): void }
interface PageGlobals {
  indexedDB: { open(name: string): Req<Idb> };
  requestAnimationFrame(cb: () => void): number;
}

/** Writes `n` synthetic cases across the four halls straight into the store. */
async function fill(page: Page, n: number): Promise<void> {
  await page.evaluate(async (n) => {
    const { indexedDB } = globalThis as unknown as PageGlobals;
    const idb = await new Promise<Idb>((res, rej) => {
      const r = indexedDB.open('tongban');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const HALLS = ['BJ', 'TJ', 'SJZ', 'XA'];
    const ITEMS: Record<string, [string, string, number][]> = {
      BJ: [['GG00408001-BJ', '异地贷款职工住房公积金缴存使用证明出具', 1], ['XK00101001-BJ', '护士执业注册（首次注册）', 5], ['GG00401001-BJ', '社会保障卡申领', 10]],
      TJ: [['XK00101002-TJ', '护士执业注册（变更注册）', 3], ['XK00106001-TJ', '食品经营许可（新办）', 5], ['GG00404001-TJ', '职工基本医疗保险关系转移接续', 10]],
      SJZ: [['XK00101003-SJZ', '护士执业注册（延续注册）', 5], ['XK00109001-SJZ', '道路货物运输经营许可', 5], ['XK00110001-SJZ', '建筑业企业资质核准（施工总承包二级）', 10]],
      XA: [['XK00106002-XA', '食品经营许可（变更）', 3], ['QR00302001-XA', '居住证申领', 10], ['XK00104001-XA', '公司设立登记', 1]],
    };
    const LEVELS = ['very_satisfied', 'satisfied', 'satisfied', 'basic', 'very_satisfied', 'satisfied', 'basic', 'satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'basic', 'satisfied', 'dissatisfied', 'very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'very_dissatisfied'];
    const RECT = ['open', 'reported', 'returned', 'closed', 'closed', 'closed'];
    const names = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
    const start = Date.parse('2025-12-01T01:00:00Z');
    const span = Date.parse('2026-11-25T09:00:00Z') - start;
    const DAY = 86_400_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
    for (let from = 0; from < n; from += 5000) {
      await new Promise<void>((res, rej) => {
        const tx = idb.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        for (let i = from; i < Math.min(n, from + 5000); i++) {
          const caseId = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
          const intake = HALLS[i % 4]!;
          const home = HALLS[(i >> 2) % 4]!;
          const [itemCode, itemName, promisedDays] = ITEMS[home]![(i >> 4) % 3]!;
          const received = start + Math.floor((i / n) * span);
          const at = iso(received);
          const caseNo = `${intake}${String((i % 90) + 10)}A-20260115-${String(i % 10000).padStart(4, '0')}${'ABCDEFGHJK'[i % 10]}${i}`;
          const r = i % 100;
          // 60 % delivered, 8 % in review, 5 % waiting for review, 4 % waiting for correction,
          // 10 % approved and not yet handed over, 8 % refused, 5 % withdrawn.
          const state = r < 60 ? 'delivered' : r < 68 ? 'in_review' : r < 73 ? 'received' : r < 77 ? 'needs_correction' : r < 80 ? 'approved' : r < 84 ? 'certificate_issued' : r < 87 ? 'printed' : r < 95 ? 'rejected' : 'withdrawn';
          const corrected = state === 'needs_correction' || (state === 'delivered' && i % 10 === 3);
          const pauses = corrected ? [{ from: iso(received + DAY), ...(state === 'delivered' ? { to: iso(received + 3 * DAY) } : {}) }] : [];
          const delivered = state === 'delivered' ? received + (1 + (i % 15)) * DAY : null;
          const actor = (hallId: string) => ({ staffId: `${hallId.toLowerCase()}-clerk`, hallId });
          const ratings: unknown[] = [];
          const rectifications: unknown[] = [];
          const rate = (stage: 'receipt' | 'handover', hallId: string, when: number, k: number) => {
            const level = LEVELS[k % LEVELS.length]!;
            const ratingId = `00000000-0000-7000-9${stage === 'receipt' ? '0' : '1'}00-${String(i).padStart(12, '0')}`;
            ratings.push({ ratingId, stage, level, comment: '', at: iso(when), actor: actor(hallId) });
            if (level.includes('dissatisfied')) {
              const status = RECT[k % RECT.length]!;
              rectifications.push({ rectificationId: ratingId, hallId, stage, level, comment: '等候时间太长', openedAt: iso(when), dueDate: day(when + 7 * DAY), status, steps: [], ...(status === 'closed' ? { closedAt: iso(when + 5 * DAY) } : {}) });
            }
          };
          if (i % 5 < 2) rate('receipt', intake, received + 600_000, i >> 3);
          if (delivered !== null && i % 3 === 0) rate('handover', intake, delivered + 600_000, i >> 2);
          const flags = i % 200 === 7 ? [{ flagId: `00000000-0000-7000-a000-${String(i).padStart(12, '0')}`, reason: '请加快办理', at: iso(received + 2 * DAY), actor: { staffId: 'bj-supervisor', hallId: 'BJ' } }] : [];
          const idNumber = `1101051990${String(i).padStart(7, '0')}X`;
          const applicantName = `${names[i % 10]}${names[(i >> 3) % 10]}${i}`;
          const halls = { intakeHallId: intake, homeHallId: home, deliveryHallId: intake };
          const updatedAt = iso(delivered ?? received);
          const view = {
            caseId, caseNo, itemCode, itemName, promisedDays, state,
            applicant: { kind: 'person', name: applicantName, idType: 'resident', idNumber, phone: '13800138000' },
            form: { practiceOrg: '北京协和医院' }, materials: [{ materialId: 'id-card', provided: 'original', attachments: [] }],
            halls, queryCode: '123456', receivedAt: at, updatedAt, pauses, prints: [], notes: [],
            ...(delivered !== null ? { delivery: { at: iso(delivered), recipient: { name: applicantName, idNumber } } } : {}),
            ...(ratings.length ? { ratings } : {}),
            ...(rectifications.length ? { rectifications } : {}),
            ...(flags.length ? { flags } : {}),
            history: [{ eventId: caseId, type: 'case.received', at, actor: actor(intake), deviceId: 'd', hubSeq: i + 1, payload: {} }],
          };
          store.put({ caseId, caseNo, state, itemCode, itemName, applicantName, idNumber, ...halls, receivedAt: at, updatedAt, pending: 0, view });
        }
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
    }
    idb.close();
  }, n);
}

const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * Waits until the dashboard's status line says it counted `cases` cases, then for a painted frame;
 * returns the line and what the worker says it spent (catching up with the store, counting).
 */
async function settled(page: Page, cases: number, received?: number): Promise<{ text: string; worker: { catchUpMs: number; countMs: number } }> {
  const status = page.getByRole('status', { name: '统计状态' });
  const want = `已统计：本机 ${count(cases)} 件办件，本期受理 ${received === undefined ? '' : count(received)}`;
  await status.filter({ hasText: want }).waitFor({ timeout: 900_000 });
  await page.evaluate(() => new Promise<void>((res) => (globalThis as unknown as PageGlobals).requestAnimationFrame(() => res())));
  return {
    text: (await status.textContent()) ?? '',
    worker: { catchUpMs: Number(await status.getAttribute('data-catch-up-ms')), countMs: Number(await status.getAttribute('data-count-ms')) },
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t), value };
}

async function main(): Promise<void> {
  // The end-to-end setup builds the UI and starts a hub with the demo region on BENCH_PORT.
  const { default: hubSetup } = await import('../e2e/hub-setup');
  const { hub, login, newCode } = await import('../e2e/support');
  const { CHROMIUM_ARGS } = await import('../../playwright.config');
  const teardown = await hubSetup();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    if (process.env.BENCH_DEBUG) {
      page.on('console', (m) => console.log('page:', m.type(), m.text()));
      page.on('pageerror', (e) => console.log('page error:', e.message));
      page.on('worker', (w) => w.on('console', (m) => console.log('worker console:', m.text())));
    }
    // A region supervisor's machine, enrolled with a region code.
    await page.goto(hub().url);
    await page.getByLabel('注册码').fill(newCode('BJ', 'region'));
    await page.getByLabel('本机名称').fill('区域督查 基准测试');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await page.getByRole('heading', { name: '通办 · 登录' }).waitFor();
    // The cases go in before the supervisor logs in: the login starts the dashboard's worker.
    const filled = await timed(() => fill(page, CASES));
    console.log(`wrote ${CASES} cases into the counter's store in ${filled.ms} ms`);
    const menu = () => page.getByRole('menuitem', { name: '督查' }).click();
    /** Lets the page finish what a login or a page change started, so a timing holds only its own work. */
    const quiet = async () => {
      await page.getByRole('status', { name: '同步状态' }).filter({ hasText: '已连接中心' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(2000);
    };
    const all = () => page.getByRole('radiogroup', { name: '统计期间' }).getByText('全部', { exact: true }).click();
    /** Opens the dashboard (timed), then widens it to the whole period (not timed). */
    const openTimed = async () => {
      const t = await timed(async () => {
        await menu();
        return settled(page, CASES);
      });
      await all();
      await settled(page, CASES, CASES);
      return t;
    };

    // 1. The first time on this machine: from the login (which starts the worker reading every
    // case row once and saving the facts) to the figures, 督查 clicked at once.
    const first = await timed(async () => {
      await login(page, 'bj-supervisor');
      await menu();
      return settled(page, CASES);
    });
    // 2. The whole period: every case counted.
    const period = await timed(async () => {
      await all();
      return settled(page, CASES, CASES);
    });
    // 3. After a reload (a new session, a new worker, the saved facts): 督查 clicked the moment
    // the login is through, and again after a reload with a moment's wait after the login.
    await page.reload();
    await login(page, 'bj-supervisor');
    const reloadAtOnce = await openTimed();
    await page.reload();
    await login(page, 'bj-supervisor');
    await quiet();
    const reload = await openTimed();
    // 4. Away and back in the same session (the worker holds the facts).
    await page.getByRole('menuitem', { name: '证照核验' }).click();
    await quiet();
    const again = await openTimed();
    // 5. One hall chosen: the figures recounted.
    const filter = await timed(async () => {
      await page.getByRole('checkbox', { name: '天津' }).check();
      // Tianjin is intake or home hall of 7 in 16 cases.
      return settled(page, CASES, Math.round((CASES * 7) / 16));
    });
    await page.getByRole('checkbox', { name: '天津' }).uncheck();
    await settled(page, CASES, CASES);
    // 6. One new case arrives: a Tianjin counter pushes it to the hub, the hub pokes this counter,
    // its sync pulls and stores it, and the dashboard catches up on that case alone.
    const { TestDevice } = await import('../support/device');
    const tj = await TestDevice.enroll(hub().url, newCode('TJ'));
    const clerk = (await tj.login('tj-clerk', hub().password)).staff.staffId;
    await tj.connect();
    const incremental = await timed(async () => {
      const pushed = await tj.push([tj.received(clerk, { itemCode: 'GG00408001-BJ', homeHallId: 'BJ' })]);
      if (pushed.results[0]?.status !== 'accepted') throw new Error(JSON.stringify(pushed));
      return settled(page, CASES + 1, CASES + 1);
    });
    tj.close();
    // 7. A figure's list: the rectifications overdue.
    const overdueButton = page.getByRole('button', { name: /^合计超期未整改：[\d,]+ 项$/ });
    const overdueLabel = (await overdueButton.getAttribute('aria-label')) ?? '';
    const list = await timed(async () => {
      await overdueButton.click();
      await page.getByRole('status', { name: '清单数量' }).filter({ hasText: /^共 [\d,]+ 件$/ }).waitFor({ timeout: 600_000 });
      return (await page.getByRole('status', { name: '清单数量' }).textContent()) ?? '';
    });
    // 8. That list to Excel.
    const exported = await timed(async () => {
      const download: Promise<Download> = page.waitForEvent('download', { timeout: 900_000 });
      await page.getByRole('button', { name: '导出 Excel' }).click();
      return (await download).suggestedFilename();
    });

    const step = (t: { ms: number; value: Awaited<ReturnType<typeof settled>> }) => ({ ms: t.ms, worker: t.value.worker });
    const results = {
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', rendering: 'software (--disable-gpu)', load: loadavg().map((l) => Math.round(l * 10) / 10) },
      cases: CASES,
      fillMs: filled.ms,
      // Each step: from the click (or the push) to the settled figures, and within it the worker's own time.
      firstTimeLoginToFigures: step(first),
      wholePeriod: step(period),
      afterReloadOpenedAtLogin: step(reloadAtOnce),
      afterReload: step(reload),
      againInSession: step(again),
      oneHall: step(filter),
      oneNewCaseSynced: step(incremental),
      list: { figure: overdueLabel, ms: list.ms, shown: list.value },
      exportXlsx: { ms: exported.ms, file: exported.value },
      status: period.value.text,
    };
    const line = (what: string, t: { ms: number; value: Awaited<ReturnType<typeof settled>> }) =>
      console.log(`${what}: ${t.ms} ms (worker: catch-up ${t.value.worker.catchUpMs} ms, count ${t.value.worker.countMs} ms)`);
    console.log('');
    line('first time on this machine, login to figures (facts built from every case row)', first);
    line('whole period', period);
    line('after a reload, 督查 clicked as the login completes', reloadAtOnce);
    line('after a reload, 督查 clicked 2 s after the login', reload);
    line('again in the session', again);
    line('one hall chosen', filter);
    line('one new case pushed by another counter, shown here', incremental);
    console.log(`list behind "${overdueLabel}": ${list.ms} ms (${list.value})`);
    console.log(`export that list to Excel: ${exported.ms} ms (${exported.value})`);
    console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    mkdirSync('tests/bench/results', { recursive: true });
    writeFileSync('tests/bench/results/dashboard.json', `${JSON.stringify(results, null, 2)}\n`);
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
