// What several end-to-end tests do at a counter: record what would be printed, read the local
// store, pick an item and check materials the way a clerk does, and take a whole intake.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { shot as viewportShot } from './support';

// A 1×1 PNG, the smallest real image a clerk could upload.
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const CASE_NO = /[A-Z]{2,3}\d{2}[A-Z]-\d{8}-\d{4}[0-9A-Z]/;

/** The frame scrolls inside its content area: grow the window to the content for a whole-screen picture. */
export async function shot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 720 };
  const extra = await page.evaluate(() => {
    const main = (globalThis as unknown as { document: { querySelector(s: string): { scrollHeight: number; clientHeight: number } | null } }).document.querySelector('main');
    return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0;
  });
  await page.setViewportSize({ width: before.width, height: before.height + extra });
  await viewportShot(page, name);
  await page.setViewportSize(before);
}

/** A printed paper as it would come out of the printer. */
export async function paperShot(context: BrowserContext, html: string, name: string): Promise<void> {
  const paper = await context.newPage();
  await paper.setViewportSize({ width: 794, height: 1123 });
  await paper.setContent(html);
  await viewportShot(paper, name);
  await paper.close();
}

export interface Printed {
  title: string;
  html: string;
}

/**
 * The printer is the one thing mocked: window.print is replaced in every frame (the bridge prints
 * from a hidden iframe) by a recorder, so the test sees exactly what would have gone to paper.
 */
export async function recordPrints(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Frame = { print: () => void; top: { __prints?: Printed[] }; document: { title: string; documentElement: { outerHTML: string } } };
    const w = globalThis as unknown as Frame;
    w.print = () => (w.top.__prints ??= []).push({ title: w.document.title, html: w.document.documentElement.outerHTML });
  });
}

export const prints = (page: Page): Promise<Printed[]> => page.evaluate(() => (globalThis as unknown as { __prints?: Printed[] }).__prints ?? []);

/** The rows of one table of the counter's IndexedDB store, read as the page sees it. */
export function idbRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        type Req<R> = { result: R; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
        type Db = { transaction(s: string): { objectStore(s: string): { getAll(): Req<T[]> } } };
        const open = (globalThis as unknown as { indexedDB: { open(n: string): Req<Db> } }).indexedDB.open('tongban');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

export async function pickItem(page: Page, query: string, code: string): Promise<void> {
  await page.keyboard.press('F3');
  const search = page.getByRole('combobox', { name: '服务事项' });
  await expect(search).toBeFocused();
  await search.fill(query);
  // Down the list with the arrow keys, as a clerk would, until the wanted item is the active one.
  for (let i = 0; i < 10; i++) {
    // Read at once, never waited for: the list may point at an option it has not drawn (or at none, `_list_-1`).
    const label = await search.evaluate((el) => {
      type Node = { getAttribute(name: string): string | null; ownerDocument: { getElementById(id: string): Node | null } };
      const box = el as unknown as Node;
      const id = box.getAttribute('aria-activedescendant');
      return id ? (box.ownerDocument.getElementById(id)?.getAttribute('aria-label') ?? null) : null;
    });
    if (label?.includes(code)) break;
    await search.press('ArrowDown');
  }
  await search.press('Enter');
  await expect(page.getByRole('region', { name: '办事指南' })).toContainText(code);
}

export async function setForm(page: Page, material: string, form: '原件' | '复印件' | '电子件' | '缺'): Promise<void> {
  const group = page.getByRole('radiogroup', { name: `${material}：提交形式` });
  // The radios are styled as buttons (the input itself is hidden): click the visible label, as a clerk does.
  await group.getByText(form, { exact: true }).click();
  await expect(group.getByRole('radio', { name: form, exact: true })).toBeChecked();
}

export const APPLICANT = { name: '李建国', idNumber: '11010519491231002X', phone: '13812345678' };

/**
 * A whole intake at a counter already on the intake screen: Beijing's housing-fund deposit proof
 * for a loan elsewhere (GG00408001-BJ, one working day, issues a certificate), collected here.
 * Returns the case number from the receipt.
 */
export async function intakeHousingFundProof(page: Page): Promise<string> {
  await fillHousingFundProof(page);
  await page.keyboard.press('Control+Enter');
  const receipt = page.getByRole('region', { name: '受理回执' });
  await expect(receipt).toContainText(CASE_NO);
  return (await receipt.textContent())!.match(CASE_NO)![0];
}

/** That intake filled in, ready to accept (Ctrl+Enter); the counter benchmark times the acceptance. */
export async function fillHousingFundProof(page: Page, applicantName = APPLICANT.name): Promise<void> {
  await pickItem(page, '公积金缴存使用证明', 'GG00408001-BJ');
  await page.getByRole('textbox', { name: '申请人姓名' }).fill(applicantName);
  await page.getByRole('textbox', { name: '居民身份证号码' }).fill(APPLICANT.idNumber);
  await page.getByRole('textbox', { name: '手机号码' }).fill(APPLICANT.phone);
  await page.getByRole('textbox', { name: '个人住房公积金账号' }).fill('110000123456');
  await page.getByRole('textbox', { name: '拟贷款城市' }).fill('天津市');
  const marital = page.getByRole('combobox', { name: '婚姻状况' });
  await marital.click();
  await marital.pressSequentially('未婚');
  await marital.press('Enter');
  await setForm(page, '居民身份证', '原件');
  await setForm(page, '异地贷款缴存使用证明申请表', '原件');
}

/** Opens a screen from the top menu. */
export const menu = (page: Page, name: string) => page.getByRole('menuitem', { name }).click();

/** The status bar: connection, outbox, last sync. */
export const syncStatus = (page: Page) => page.getByRole('status', { name: '同步状态' });

/** Connected to the hub with nothing left to upload. */
export async function synced(page: Page): Promise<void> {
  await expect(syncStatus(page)).toContainText('已连接中心', { timeout: 30_000 });
  await expect(syncStatus(page)).toContainText('待上传：0', { timeout: 30_000 });
}

/** Opens a case from a queue of the workbench, waiting for it to arrive by sync. */
export async function openFromQueue(page: Page, queue: string, caseNo: string): Promise<void> {
  await menu(page, '工作台');
  const table = page.getByRole('table', { name: queue });
  await expect(table.getByRole('button', { name: caseNo })).toBeVisible({ timeout: 30_000 });
  await table.getByRole('button', { name: caseNo }).click();
  await expect(page.getByRole('heading', { name: `办件 ${caseNo}` })).toBeVisible();
}
