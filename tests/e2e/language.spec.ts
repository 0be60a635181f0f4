// The counter in English: a clerk switches the language in Settings and the frame, the case list and
// the intake screen speak English at once (no reload), found here by their English accessible names;
// the choice is kept (a reload and the login screen stay English); switching back gives Chinese.
// A supervisor's dashboard speaks English too, while the statistics it prints stay Chinese.
import { expect, test, type Page } from '@playwright/test';
import { prints, recordPrints, shot } from './counter';
import { enroll, hub, login } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

async function chooseLanguage(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a logged-in counter switches to English in Settings, and back to Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await enroll(page, 'TJ');
  await page.getByLabel('用户名').fill('tj-clerk');
  await page.getByLabel('密码').fill(hub().password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();

  // Settings: the selector is named in both languages, so whoever cannot read one finds it.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await chooseLanguage(page, /界面语言/, 'English');
  await page.keyboard.press('Escape');

  // The frame, at once: menu, header, status bar.
  await expect(page.getByRole('menuitem', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(page.getByText('Counter clerk', { exact: false })).toBeVisible();
  await expect(page.getByText('Tianjin Government Service Center')).toBeVisible();
  const status = page.getByRole('status', { name: 'Sync status' });
  await expect(status).toContainText('Connected to hub');
  await expect(status).toContainText('Waiting to upload: 0');
  await expect(page.getByRole('combobox', { name: /^Language/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible();
  // antd's own texts follow (the settings page has none that stays on screen; the case list's empty state does).
  await shot(page, 'en-settings');

  // The case list.
  await page.getByRole('menuitem', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Search cases' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'State' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Deadline' })).toBeVisible();
  const list = page.getByRole('grid', { name: 'Case list' });
  await expect(list.getByRole('columnheader', { name: 'Case number' })).toBeVisible();
  await expect(list.getByRole('columnheader', { name: 'Promised by' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Number of cases' })).toContainText('Cases on this machine: ');
  await page.getByRole('combobox', { name: 'State' }).click();
  await expect(page.getByRole('option', { name: 'Awaiting correction' })).toBeVisible();
  await page.keyboard.press('Escape');
  await shot(page, 'en-cases');

  // Intake: the picker, the guide, the applicant, the check panel.
  await page.getByRole('menuitem', { name: 'Intake' }).click();
  await expect(page.getByRole('heading', { name: 'Counter intake' })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Keyboard shortcuts' })).toContainText('Find item');
  await expect(page.getByRole('combobox', { name: 'Service item' })).toBeVisible();
  // F3 finds the item by its pinyin initials, as in Chinese (tests/e2e/counter.ts pickItem, by English name).
  await page.keyboard.press('F3');
  const search = page.getByRole('combobox', { name: 'Service item' });
  await expect(search).toBeFocused();
  await search.fill('hszy');
  await page.getByTitle(/XK00101001-BJ/).click();
  const guide = page.getByRole('region', { name: 'Service guide' });
  await expect(guide).toContainText('Working days: 5');
  await expect(guide).toContainText('Cross-region');
  await expect(page.getByRole('textbox', { name: 'Applicant name' })).toBeFocused();
  await expect(page.getByRole('combobox', { name: 'ID type' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Resident ID card number' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Collection hall' })).toBeVisible();
  const check = page.getByRole('region', { name: 'Intake check' });
  await expect(check.getByRole('button', { name: 'Accept' })).toBeDisabled();
  await expect(check).toContainText('Cannot accept:');
  await expect(check.getByRole('button', { name: 'Print one-time notice' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Applicant name' }).fill('张晓梅');
  await expect(check).toContainText('Draft saved automatically');
  await shot(page, 'en-intake');

  // The workbench, certificate verification and maintenance pages.
  await page.getByRole('menuitem', { name: 'Workbench' }).click();
  await expect(page.getByRole('heading', { name: 'Workbench · Tianjin Government Service Center' })).toBeVisible();
  await expect(page.getByText('Awaiting correction', { exact: true })).toBeVisible();
  await shot(page, 'en-workbench');
  await page.getByRole('menuitem', { name: 'Verify certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Verify a certificate' })).toBeVisible();
  await page.getByLabel('Scan the QR code on the certificate, or enter the certificate number').fill('00000000-0000-4000-8000-000000000000');
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Verification result: Certificate invalid' })).toContainText('The hub has no certificate with this number');
  await shot(page, 'en-verify');
  await page.getByRole('menuitem', { name: 'Maintenance' }).click();
  await expect(page.getByRole('region', { name: 'Machine diagnostics' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy report' })).toBeVisible();

  // Video consultation: the hall directory, the seed halls by their English names.
  await page.getByRole('menuitem', { name: 'Consult' }).click();
  await expect(page.getByRole('heading', { name: 'Video consultation · Halls' })).toBeVisible();
  const beijing = page.getByRole('listitem', { name: 'Beijing Government Service Center' });
  await expect(beijing.getByRole('button', { name: 'Call' })).toBeEnabled();
  await expect(beijing).toContainText('Counters available: ');
  await expect(page.getByRole('listitem', { name: 'Tianjin Government Service Center' })).toContainText('This hall');
  await shot(page, 'en-consult');

  // Kept: after a reload the draft is offered in English, and the login screen is English.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tongban · Log in' })).toBeVisible();
  await page.getByLabel('Username').fill('tj-clerk');
  await page.getByLabel('Password').fill(hub().password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
  const drafts = page.getByRole('list', { name: 'Unfinished intake drafts' });
  await expect(drafts.getByRole('button', { name: 'Continue draft: 张晓梅' })).toBeVisible();

  // Back to Chinese, again at once.
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await chooseLanguage(page, /^Language/, '中文（简体）');
  await expect(page.getByRole('menuitem', { name: '设置' })).toBeVisible();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('已连接中心');
  await page.getByRole('menuitem', { name: '办件' }).click();
  await expect(page.getByRole('grid', { name: '办件列表' }).getByRole('columnheader', { name: '办件编号' })).toBeVisible();
  await page.getByRole('menuitem', { name: '受理' }).click();
  await expect(page.getByRole('heading', { name: '线下收件' })).toBeVisible();
});

test('a supervisor’s dashboard speaks English, and the statistics it prints stay Chinese', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await recordPrints(context);
  const page = await context.newPage();
  await enroll(page, 'BJ');
  await login(page, 'bj-supervisor');
  await page.getByRole('menuitem', { name: '设置' }).click();
  await chooseLanguage(page, /界面语言/, 'English');
  await page.keyboard.press('Escape');

  await page.getByRole('menuitem', { name: 'Supervision' }).click();
  await expect(page.getByRole('heading', { name: 'Supervision · Cross-region services' })).toBeVisible();
  await expect(page.getByText('Beijing Government Service Center device: cases this hall takes part in')).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Period' }).getByRole('radio', { name: 'This year' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Shijiazhuang' })).toBeVisible();
  const received = page.getByRole('region', { name: 'Case overview' }).getByRole('button', { name: /^Received: [\d,]+$/ });
  await expect(received).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('table', { name: 'Rectification by hall' })).toBeVisible();
  await shot(page, 'en-supervision');

  // The printed statistics: Chinese, with the charts' pictures (drawn again in Chinese).
  await page.getByRole('button', { name: 'Print statistics' }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  const printed = (await prints(page))[0]!;
  expect(printed.title).toContain('跨区域通办督查统计');
  expect(printed.html).toContain('统计期间：');
  expect(printed.html).toContain('范围：北京市政务服务中心设备：本厅参与的办件');
  expect(printed.html).toContain('<img src="data:image/png;base64,');
  expect(printed.html).not.toContain('Received');

  // A figure's list, in English.
  await received.click();
  await expect(page.getByRole('heading', { name: 'Cases received' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Number in list' })).toContainText(/^Cases: [\d,]+$/);
  await expect(page.getByRole('table', { name: 'Case list' }).getByRole('columnheader', { name: 'Home hall' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to supervision statistics' }).click();
  await expect(received).toBeVisible();
  await context.close();
});
