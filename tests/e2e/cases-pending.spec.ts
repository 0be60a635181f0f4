// A case taken at a counter that is offline is in the case list at once, marked 待同步 there and
// in its timeline, and loses the mark when the counter is back online and the hub has it.
import { expect, test, type Page } from '@playwright/test';
import { enroll, login, shot } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

const CASE_NO = /TJ\d{2}[A-Z]-\d{8}-\d{4}[0-9A-Z]/;

/** How many rows one table of the counter's IndexedDB store holds. */
function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        type Req<R> = { result: R; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
        type Db = { transaction(s: string): { objectStore(s: string): { count(): Req<number> } } };
        const open = (globalThis as unknown as { indexedDB: { open(n: string): Req<Db> } }).indexedDB.open('tongban');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

/** Takes a 住房公积金异地转移接续 (Beijing) case through the intake screen. */
async function takeCase(page: Page, applicant: string): Promise<string> {
  await page.getByRole('menuitem', { name: '受理' }).click();
  const item = page.getByRole('combobox', { name: '服务事项' });
  await item.fill('住房公积金异地转移');
  for (let i = 0; i < 10; i++) {
    const active = await item.getAttribute('aria-activedescendant');
    if (active && (await page.locator(`[id="${active}"]`).getAttribute('aria-label'))?.includes('GG00406001-BJ')) break;
    await item.press('ArrowDown');
  }
  await item.press('Enter');
  await expect(page.getByRole('region', { name: '办事指南' })).toContainText('GG00406001-BJ');
  await page.getByRole('textbox', { name: '申请人姓名' }).fill(applicant);
  await page.getByRole('textbox', { name: '居民身份证号码' }).fill('11010519491231002X');
  await page.getByRole('textbox', { name: '手机号码' }).fill('13812345678');
  await page.getByRole('textbox', { name: '转出地住房公积金管理中心' }).fill('天津市住房公积金管理中心');
  await page.getByRole('textbox', { name: '转出地个人住房公积金账号' }).fill('120000123456');
  await page.getByRole('textbox', { name: '转入地个人住房公积金账号' }).fill('110000654321');
  await page.getByRole('textbox', { name: '转入地缴存单位统一社会信用代码' }).fill('91350100M000100Y43');
  for (const material of ['居民身份证', '住房公积金异地转移接续申请表']) {
    await page.getByRole('radiogroup', { name: `${material}：提交形式` }).getByText('原件', { exact: true }).click();
  }
  await page.getByRole('button', { name: '受理', exact: true }).click();
  const receipt = page.getByRole('region', { name: '受理回执' });
  await expect(receipt).toContainText(CASE_NO);
  return (await receipt.textContent())!.match(CASE_NO)![0];
}

test('a case taken offline is 待同步 in the list and its timeline until the hub has it', async ({ page, context }) => {
  test.setTimeout(120_000);
  await enroll(page, 'TJ');
  await login(page, 'tj-clerk');
  // The catalog must be on the machine before the network goes.
  await expect.poll(() => countRows(page, 'catalog')).toBe(1);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');
  const caseNo = await takeCase(page, '周晓岚');

  await page.getByRole('menuitem', { name: '办件' }).click();
  const row = page.getByRole('grid', { name: '办件列表' }).getByRole('row', { name: new RegExp(caseNo) });
  await expect(row).toContainText('待同步');
  await expect(row).toContainText('110105********002X');
  await shot(page, 'cases-pending');
  await page.getByRole('textbox', { name: '搜索办件' }).fill('周晓');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `办件 ${caseNo}` })).toBeVisible();
  const received = page.getByLabel('受理记录');
  await expect(received).toContainText('待同步');
  await expect(received).toContainText('李静 · 天津市政务服务中心');
  await expect(page.getByText('待同步 1 项')).toBeVisible();

  // Back online: the outbox empties and the marks go, on the page that is open.
  await context.setOffline(false);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('待上传：0', { timeout: 30_000 });
  await expect(received).not.toContainText('待同步', { timeout: 30_000 });
  await expect(page.getByText('待同步 1 项')).toHaveCount(0);
  await page.getByRole('button', { name: '返回办件列表' }).click();
  await expect(page.getByRole('textbox', { name: '搜索办件' })).toHaveValue('周晓');
  await expect(row).not.toContainText('待同步');
});
