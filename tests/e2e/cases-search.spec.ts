// The case list's search reads the search keys from a log in the store (renderer/data/db.ts,
// `caseKeys`), in memory. Here the log grows past the point where the page compacts it (2,000
// records): the search follows the latest record, the log shrinks to a few chunks, and after a
// reload (memory empty) the compacted log gives the same answers.
import { expect, test, type Page } from '@playwright/test';
import { CASE_NO, fillHousingFundProof, idbRows, menu } from './counter';
import { enroll, login } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

const rows = (page: Page) => page.getByRole('grid').getByRole('row').filter({ hasText: CASE_NO });

async function accept(page: Page, applicant: string): Promise<string> {
  await fillHousingFundProof(page, applicant);
  await page.keyboard.press('Control+Enter');
  const receipt = page.getByRole('region', { name: '受理回执' });
  await expect(receipt).toContainText(CASE_NO);
  const caseNo = (await receipt.textContent())!.match(CASE_NO)![0];
  // The next intake, as a clerk starts it from the receipt.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('combobox', { name: '服务事项' })).toBeVisible();
  return caseNo;
}

async function search(page: Page, q: string, found: string[]): Promise<void> {
  await page.getByRole('textbox', { name: '搜索办件' }).fill(q);
  await expect(page.getByRole('status', { name: '办件数量' })).toContainText(`找到 ${found.length} 件`);
  await expect(rows(page)).toHaveCount(found.length);
  for (const no of found) await expect(rows(page).filter({ hasText: no })).toHaveCount(1);
}

test('search follows the key log, through its compaction and a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await enroll(page, 'BJ');
  await login(page, 'bj-clerk');
  await menu(page, '受理');
  const a = await accept(page, '欧阳检索');
  const b = await accept(page, '欧阳检查');
  await menu(page, '办件');
  await search(page, '欧阳检', [a, b]);

  // 2,100 more records restating case a's keys (as 2,100 transactions would), the last under a new name.
  type Row = Record<'caseId' | 'caseNo' | 'idNumber' | 'state' | 'itemCode' | 'intakeHallId' | 'homeHallId' | 'deliveryHallId' | 'receivedAt', string>;
  const cases = await idbRows<Row>(page, 'cases');
  // A new counter whose first download had heads compacts once they all have rows (perhaps not yet):
  // the epoch is compared with what it is here.
  const epochOf = async () => ((await idbRows<{ key: string; value: unknown }>(page, 'meta')).find((m) => m.key === 'caseKeysEpoch')?.value as number | undefined) ?? 0;
  const epoch = await epochOf();
  const row = cases.find((c) => c.caseNo === a)!;
  await page.evaluate(
    (r: Row) =>
      new Promise<void>((resolve, reject) => {
        const g = globalThis as unknown as { indexedDB: IDBFactoryLike };
        const open = g.indexedDB.open('tongban');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('caseKeys', 'readwrite');
          for (let i = 0; i < 2100; i++) {
            const name = i === 2099 ? '司马检索' : '欧阳检索';
            tx.objectStore('caseKeys').add({ entries: [[r.caseId, r.caseNo, name, r.idNumber, r.state, r.itemCode, r.intakeHallId, r.homeHallId, r.deliveryHallId, r.receivedAt]] });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    row,
  );
  await search(page, '司马检索', [a]);
  await search(page, '欧阳检', [b]);

  // Compacted a moment after that read: a few chunks, and the epoch moved for other windows.
  await expect.poll(async () => (await idbRows(page, 'caseKeys')).length, { timeout: 15_000 }).toBeLessThan(5);
  expect(await epochOf()).toBeGreaterThan(epoch);
  await search(page, '司马', [a]);

  // A new page reads the compacted log from the start.
  await page.reload();
  await login(page, 'bj-clerk');
  await menu(page, '办件');
  await search(page, '司马检索', [a]);
  await search(page, '欧阳检', [b]);
  await search(page, b.toLowerCase(), [b]);
});

/** The parts of IndexedDB used above (the e2e code compiles without the DOM library). */
interface IDBFactoryLike {
  open(name: string): {
    result: { transaction(store: string, mode: string): { objectStore(s: string): { add(v: unknown): void }; oncomplete: (() => void) | null; onerror: (() => void) | null; error: unknown } };
    error: unknown;
    onsuccess: (() => void) | null;
    onerror: (() => void) | null;
  };
}
