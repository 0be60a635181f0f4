// A new counter's first minute against a real hub, in a real browser: it downloads the case heads
// first, so its list and search have every case before the snapshot has stored any; opening one
// fetches that case whole; offline, a case not stored yet says so and keeps its head's facts;
// the workbench says its queues lack the cases not stored. The snapshot's pages are held back
// (Playwright's routing, in the browser: the request is only delayed, the hub answers it) so the
// first minute lasts as long as the test needs.
import { expect, test, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { makeCaseNumber } from '../../shared/case-number';
import { mod11_2CheckCharacter } from '../../shared/iso7064';
import type { Event } from '../../shared/protocol/events';
import { TestDevice } from '../support/device';
import { closeContexts, enroll, hub, login, newCode, shot } from './support';

test.afterEach(({ browser }) => closeContexts(browser));

const FUND_BJ = 'GG00406001-BJ'; // 住房公积金异地转移接续, 3 working days

function received(d: TestDevice, staffId: string, name: string, idFirst17: string): Event {
  d.cases += 1;
  const at = new Date();
  const caseNo = makeCaseNumber({ deviceCode: d.info.deviceCode, at, dailyCount: d.cases });
  if (!caseNo.ok) throw new Error(caseNo.error.message);
  return d.event('case.received', uuidv7(), {
    caseNo: caseNo.value,
    itemCode: FUND_BJ,
    itemName: '住房公积金异地转移接续',
    promisedDays: 3,
    applicant: { kind: 'person', name, idType: 'resident', idNumber: idFirst17 + mod11_2CheckCharacter(idFirst17), phone: '' },
    form: {},
    materials: [],
    intakeHallId: 'TJ',
    homeHallId: 'BJ',
    deliveryHallId: 'TJ',
    queryCode: '135790',
  }, staffId);
}

const caseNoOf = (e: Event) => (e as Extract<Event, { type: 'case.received' }>).payload.caseNo;

/** Whether the counter's store holds the case's row (read straight from IndexedDB). */
function stored(page: Page, caseNo: string): Promise<boolean> {
  return page.evaluate(async (no) => {
    const g = globalThis as unknown as { indexedDB: { open(n: string): { result: unknown; onsuccess: (() => void) | null } } };
    const db = await new Promise<{ transaction(s: string): { objectStore(s: string): { index(i: string): { get(k: string): { result: unknown; onsuccess: (() => void) | null } } } }; close(): void }>((resolve) => {
      const r = g.indexedDB.open('tongban');
      r.onsuccess = () => resolve(r.result as never);
    });
    const req = db.transaction('cases').objectStore('cases').index('caseNo').get(no);
    const row = await new Promise((resolve) => (req.onsuccess = () => resolve(req.result)));
    db.close();
    return row !== undefined;
  }, caseNo);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('menuitem', { name: '办件' }).click();
  await page.getByRole('textbox', { name: '搜索办件' }).fill(text);
}

test('a new counter lists its cases from their heads and opens one before the snapshot stores it', async ({ browser }) => {
  test.setTimeout(120_000);
  const h = hub();
  const tj = await TestDevice.enroll(h.url, newCode('TJ'), '天津 目录测试');
  const clerk = (await tj.login('tj-clerk', h.password)).staff;
  await tj.connect();
  const tag = String(Date.now() % 100_000);
  const opened = received(tj, clerk.staffId, `目录甲${tag}`, '11010519850601123');
  const later = received(tj, clerk.staffId, `目录乙${tag}`, '11010519850601456');
  const r = await tj.push([opened, later]);
  expect(r.results.map((x) => x.status)).toEqual(['accepted', 'accepted']);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let pages = 0;
  // The snapshot's pages (not the heads, not one case) wait until released.
  await context.route(/\/api\/v1\/snapshot\?/, async (route) => {
    pages += 1;
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await enroll(page, 'BJ');
  await login(page, 'bj-clerk');

  // Listed and found from the heads, while the snapshot's first page waits: nothing stored yet.
  await search(page, `目录甲${tag}`);
  const grid = page.getByRole('grid', { name: '办件列表' });
  const row = grid.getByRole('row', { name: new RegExp(caseNoOf(opened)) });
  await expect(page.getByRole('status', { name: '办件数量' })).toContainText('找到 1 件', { timeout: 30_000 });
  await expect(row).toBeVisible();
  await expect(row).toContainText('110105********123');
  await expect(row).toContainText('住房公积金异地转移接续');
  await expect.poll(() => pages).toBeGreaterThan(0);
  expect(await stored(page, caseNoOf(opened))).toBe(false);
  await shot(page, 'case-heads-list');

  // The workbench says its queues lack what is not stored yet.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByText(/尚有 \d+ 件未存到本机/)).toBeVisible();

  // Opened: fetched whole from the hub and stored ahead of the snapshot.
  await search(page, `目录甲${tag}`);
  await expect(row).toBeVisible();
  await page.getByRole('textbox', { name: '搜索办件' }).press('Enter');
  await expect(page.getByRole('heading', { name: `办件 ${caseNoOf(opened)}` })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`目录甲${tag}`).filter({ visible: true }).first()).toBeVisible();
  expect(await stored(page, caseNoOf(opened))).toBe(true);

  // Offline, a case not stored yet: said plainly, with what its head tells.
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');
  await search(page, `目录乙${tag}`);
  await expect(grid.getByRole('row', { name: new RegExp(caseNoOf(later)) })).toBeVisible();
  await page.getByRole('textbox', { name: '搜索办件' }).press('Enter');
  await expect(page.getByText(`办件 ${caseNoOf(later)} 尚未下载到本机`)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(`目录乙${tag}`).filter({ visible: true })).toBeVisible();
  await shot(page, 'case-heads-offline');

  // Online again and the snapshot let through: every case stored, the page shows the case.
  await context.setOffline(false);
  release();
  await expect(page.getByRole('heading', { name: `办件 ${caseNoOf(later)}` })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => stored(page, caseNoOf(later)), { timeout: 60_000 }).toBe(true);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByRole('status', { name: '同步状态' })).not.toContainText('正在下载', { timeout: 60_000 });
  await expect(page.getByText(/尚有 \d+ 件未存到本机/)).toHaveCount(0);
});
