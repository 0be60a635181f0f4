// Two halls act on one case while one of them is offline: Tianjin takes the applicant's withdrawal
// offline while Beijing approves. The hub's order decides; Tianjin is told what happened and why,
// and once it is back online no screen shows a state the hub does not have.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { intakeHousingFundProof, shot } from './counter';
import { closeContexts, enroll, login } from './support';

// Counters this test opened go offline with it, so none rings or syncs in the next test.
test.afterEach(({ browser }) => closeContexts(browser));

test.use({ viewport: { width: 1440, height: 900 } });

async function counter(browser: Browser, hallId: string, user: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await enroll(page, hallId);
  await login(page, user);
  return { context, page };
}

const status = (page: Page) => page.getByRole('status', { name: '同步状态' });
const stateTag = (page: Page) => page.locator('.ant-descriptions').first().locator('.ant-tag').first();
const actions = (page: Page) => page.getByRole('group', { name: '可进行的操作' });

async function openCase(page: Page, caseNo: string): Promise<void> {
  await page.getByRole('menuitem', { name: '办件' }).click();
  await page.getByRole('textbox', { name: '搜索办件' }).fill(caseNo);
  const row = page.getByRole('grid', { name: '办件列表' }).getByRole('row', { name: new RegExp(caseNo) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.dblclick();
  await expect(page.getByRole('heading', { name: `办件 ${caseNo}` })).toBeVisible();
}

test('a withdrawal taken offline in Tianjin loses to Beijing’s approval, and Tianjin is told why', async ({ browser }) => {
  test.setTimeout(180_000);
  const tj = await counter(browser, 'TJ', 'tj-clerk');
  const bj = await counter(browser, 'BJ', 'bj-reviewer');
  const caseNo = await intakeHousingFundProof(tj.page);
  await expect(status(tj.page)).toContainText('待上传：0', { timeout: 30_000 });

  await openCase(bj.page, caseNo);
  await actions(bj.page).getByRole('button', { name: '开始审核' }).click();
  await expect(stateTag(bj.page)).toHaveText('审核中');

  // Tianjin sees the review start, then loses the network; the applicant withdraws at its counter.
  await openCase(tj.page, caseNo);
  await expect(stateTag(tj.page)).toHaveText('审核中', { timeout: 30_000 });
  await tj.context.setOffline(true);
  await expect(status(tj.page)).toContainText('离线');
  await actions(tj.page).getByRole('button', { name: '撤回申请' }).click();
  const dialog = tj.page.getByRole('dialog', { name: '撤回申请' });
  await dialog.getByRole('textbox', { name: '撤回原因' }).fill('申请人本人申请撤回');
  await dialog.getByRole('button', { name: '确认撤回' }).click();
  await expect(dialog).toBeHidden();
  // Offline, the counter shows what it did, marked as waiting for the hub.
  await expect(stateTag(tj.page)).toHaveText('已撤回');
  await expect(status(tj.page)).toContainText('待上传：1');

  // Meanwhile Beijing approves; the hub issues the certificate.
  await actions(bj.page).getByRole('button', { name: '审核通过' }).click();
  await bj.page.getByRole('dialog', { name: '审核通过' }).getByRole('button', { name: '确认通过' }).click();
  await expect(stateTag(bj.page)).toHaveText('证照已签发', { timeout: 30_000 });

  // Tianjin comes back: the hub refuses the withdrawal (its order put the approval first).
  await tj.context.setOffline(false);
  await expect(status(tj.page)).toContainText('已连接中心', { timeout: 30_000 });
  await expect(status(tj.page).getByRole('button', { name: '被中心退回：1' })).toBeVisible({ timeout: 30_000 });
  await expect(stateTag(tj.page)).toHaveText('证照已签发', { timeout: 30_000 });
  await expect(tj.page.getByRole('alert')).toContainText('本机对该办件的 1 项操作被中心退回');
  const refused = tj.page.getByLabel('撤回申请记录');
  await expect(refused).toContainText('被退回');
  await expect(refused).toContainText('办件当前为“证照已签发”，不能再“撤回申请”');
  // Who acted in the other hall is named, from the hub's staff directory.
  await expect(tj.page.getByLabel('审核通过记录')).toContainText('张伟');
  // The actions offered are those of the hub's state: nothing to withdraw any more.
  await expect(actions(tj.page).getByRole('button', { name: '撤回申请' })).toHaveCount(0);
  await shot(tj.page, 'conflict-withdrawal-refused');
  await status(tj.page).getByRole('button', { name: '被中心退回：1' }).click();
  await expect(tj.page.getByRole('dialog', { name: '被中心退回的操作' })).toContainText('撤回申请');

  // Beijing never saw a withdrawal.
  await expect(stateTag(bj.page)).toHaveText('证照已签发');
  await expect(bj.page.getByLabel('撤回申请记录')).toHaveCount(0);
  await Promise.all([tj.context.close(), bj.context.close()]);
});
