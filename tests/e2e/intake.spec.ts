// Unified intake against a real hub: a Beijing item taken at a Tianjin counter fully offline, with
// an uploaded file and a printed receipt, then synced; a draft that survives a closed window; a
// page captured with Chromium's fake camera.
import { expect, test } from '@playwright/test';
import { qrSvg } from '../../renderer/ui/print/qr-svg';
import { idbRows, paperShot, pickItem, PNG, prints, recordPrints, setForm, shot } from './counter';
import { enroll, hub, login } from './support';

const CASE_NO = /TJ\d{2}[A-Z]-\d{8}-\d{4}[0-9A-Z]/;

test.use({ viewport: { width: 1440, height: 900 } });

test('offline intake of a Beijing item at a Tianjin counter, with attachment, notice and receipt, then sync', async ({ page, context }) => {
  // The longest walk through the UI here, and the machine may be shared: allow it room.
  test.setTimeout(120_000);
  await recordPrints(context);
  await enroll(page, 'TJ');
  await login(page, 'tj-clerk');
  // The catalog is cached while online; from here on the counter works without the hub.
  await expect(page.getByRole('combobox', { name: '服务事项' })).toBeVisible();
  await expect.poll(async () => (await idbRows(page, 'catalog')).length).toBe(1);
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');

  await pickItem(page, 'hszy', 'XK00101001-BJ');
  await expect(page.getByRole('region', { name: '办事指南' })).toContainText('北京市卫生健康委员会');
  await expect(page.getByRole('region', { name: '办事指南' })).toContainText('5 个工作日');
  await shot(page, 'intake-empty');

  // The applicant, checked as the clerk types; Enter moves on to the next field.
  const name = page.getByRole('textbox', { name: '申请人姓名' });
  await expect(name).toBeFocused();
  await name.fill('张晓梅');
  await name.press('Enter');
  await expect(page.getByRole('combobox', { name: '证件类型' })).toBeFocused();
  const id = page.getByRole('textbox', { name: '居民身份证号码' });
  await id.fill('110105194912310021');
  await expect(id).toHaveAccessibleDescription(/身份证号码校验位错误/);
  await id.fill('11010519491231002X');
  await expect(id).toHaveAccessibleDescription('');
  await id.press('Tab');
  const phone = page.getByRole('textbox', { name: '手机号码' });
  await expect(phone).toBeFocused();
  await phone.fill('138 1234 5678');

  // The item's own fields.
  await page.getByRole('textbox', { name: '拟执业医疗卫生机构' }).fill('北京协和医院');
  await page.getByRole('textbox', { name: '机构统一社会信用代码' }).fill('91350100M000100Y43');
  const exam = page.getByRole('textbox', { name: '执业资格考试合格日期' });
  await exam.fill('2025-06-30');
  await exam.press('Enter');
  // A list is chosen from the keyboard too: type to filter, Enter takes the option and moves on.
  const education = page.getByRole('combobox', { name: '护理专业学历' });
  await expect(education).toBeFocused();
  await education.pressSequentially('本科');
  await education.press('Enter');
  await expect(page.getByRole('textbox', { name: '机构联系电话' })).toBeFocused();
  await expect(page.getByRole('form', { name: '收件信息' })).toContainText('本科');

  // Materials: one uploaded as an electronic copy, the health certificate missing at first.
  await setForm(page, '护士执业注册申请审核表', '电子件');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '护士执业注册申请审核表：上传文件' }).click();
  await (await chooser).setFiles({ name: '申请审核表.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByRole('group', { name: /护士执业注册申请审核表/ })).toContainText('申请审核表.png');
  for (const m of ['居民身份证', '护理或助产专业学历证书', '护士执业资格考试成绩合格证明', '医疗卫生机构拟聘用证明', '近期免冠彩色证件照片']) await setForm(page, m, '原件');
  await setForm(page, '健康体检证明', '缺');

  const accept = page.getByRole('button', { name: '受理', exact: true });
  await expect(accept).toBeDisabled();
  await expect(page.getByText('不能受理：缺 1 项必需材料')).toBeVisible();
  await shot(page, 'intake-missing');
  const noticeButton = page.getByRole('button', { name: '打印一次性告知单' });
  await noticeButton.click();
  await expect.poll(async () => (await prints(page)).length).toBe(1);
  await expect(noticeButton).toBeFocused();
  const notice = (await prints(page))[0]!;
  expect(notice.html).toContain('一次性告知单');
  expect(notice.html).toContain('健康体检证明');
  expect(notice.html).toContain('张晓梅');
  await paperShot(context, notice.html, 'intake-notice-paper');

  await setForm(page, '健康体检证明', '原件');
  // The applicant will collect the certificate in Shijiazhuang.
  await page.getByRole('combobox', { name: '领取地点' }).click();
  await page.getByTitle('河北省政务服务中心（石家庄）', { exact: true }).click();
  await expect(accept).toBeEnabled();
  await shot(page, 'intake-ready');
  await page.keyboard.press('Control+Enter');

  const receipt = page.getByRole('region', { name: '受理回执' });
  await expect(receipt).toContainText(CASE_NO);
  await expect(receipt.getByRole('img', { name: '办件查询二维码' })).toBeVisible();
  await expect(receipt).toContainText('110105********002X');
  await expect(receipt).toContainText('北京市卫生健康委员会');
  await expect(receipt.getByRole('row', { name: /领取地点/ })).toContainText('河北省政务服务中心（石家庄）');
  const caseNo = (await receipt.textContent())!.match(CASE_NO)![0];
  await expect(page.getByRole('button', { name: '打印回执' })).toBeFocused();
  await shot(page, 'intake-receipt');
  await page.getByRole('button', { name: '打印回执' }).click();
  await expect.poll(async () => (await prints(page)).length).toBe(2);
  const printed = (await prints(page))[1]!;
  expect(printed.html).toContain(caseNo);
  expect(printed.html).toMatch(/<svg[^>]*aria-label="办件查询二维码"/);
  // The QR code is that of the case's public tracking page, with the query code printed beside it.
  const queryCode = printed.html.match(/<th>查询码<\/th><td[^>]*>(\d{6})</)![1]!;
  const trackUrl = `${hub().url}/track?caseNo=${encodeURIComponent(caseNo)}&code=${queryCode}`;
  const qrPath = (svg: string) => svg.match(/<path d="([^"]+)"/)![1];
  expect(qrPath(printed.html)).toBe(qrPath(qrSvg(trackUrl, '办件查询二维码')));
  await paperShot(context, printed.html, 'intake-receipt-paper');

  const status = page.getByRole('status', { name: '同步状态' });
  await expect(status).toContainText('待上传：1');
  await context.setOffline(false);
  await expect(status).toContainText('已连接中心', { timeout: 30_000 });
  await expect(status).toContainText('待上传：0', { timeout: 30_000 });
  await expect(status.getByRole('button', { name: /被中心退回/ })).toHaveCount(0);
  // The hub has the case: the QR code's address shows it to the applicant.
  const tracked = await page.request.get(trackUrl);
  expect(tracked.ok()).toBe(true);
  expect(await tracked.text()).toContain(caseNo);

  // Accepting removed the draft: the next intake starts clean.
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('combobox', { name: '服务事项' })).toBeFocused();
  await expect(page.getByRole('list', { name: '未完成的收件草稿' })).toHaveCount(0);
});

test('a draft survives a closed window and can be continued, then discarded', async ({ page, context }) => {
  await enroll(page, 'TJ');
  await login(page, 'tj-clerk');
  await pickItem(page, 'shbzk', 'GG00401001-BJ');
  await page.getByRole('textbox', { name: '申请人姓名' }).fill('王建国');
  await page.getByRole('textbox', { name: '居民身份证号码' }).fill('11010519491231002X');
  await expect(page.getByText('草稿已自动保存')).toBeVisible();
  await page.close();

  const again = await context.newPage();
  await again.goto(hub().url);
  await login(again, 'tj-clerk');
  const offer = again.getByRole('list', { name: '未完成的收件草稿' });
  await expect(offer).toContainText('王建国');
  await expect(offer).toContainText('社会保障卡申领');
  await shot(again, 'intake-draft-offer');
  await again.getByRole('button', { name: '继续草稿：王建国' }).click();
  await expect(again.getByRole('textbox', { name: '申请人姓名' })).toHaveValue('王建国');
  await expect(again.getByRole('textbox', { name: '居民身份证号码' })).toHaveValue('11010519491231002X');

  await again.getByRole('button', { name: '放弃本次收件' }).click();
  await again.getByRole('dialog').getByRole('button', { name: '放弃' }).click();
  await expect(again.getByRole('textbox', { name: '申请人姓名' })).toHaveCount(0);
  await expect(again.getByRole('list', { name: '未完成的收件草稿' })).toHaveCount(0);
});

test('a page captured with the document camera becomes an attachment', async ({ page, context }) => {
  await context.grantPermissions(['camera'], { origin: hub().url });
  await enroll(page, 'TJ');
  await login(page, 'tj-clerk');

  await page.getByRole('menuitem', { name: '设置' }).click();
  // The camera's card (the microphone's has a button of the same name).
  const cameraCard = page.locator('.ant-card').filter({ has: page.getByRole('combobox', { name: '收件拍摄使用的摄像头' }) });
  await cameraCard.getByRole('button', { name: '授权并刷新' }).click();
  await page.getByRole('combobox', { name: '收件拍摄使用的摄像头' }).click();
  await page.getByTitle(/fake/i).first().click();
  await page.getByRole('button', { name: '预览画面' }).click();
  await expect(page.getByLabel('摄像头预览')).toBeVisible();
  await shot(page, 'settings');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();

  await page.getByRole('menuitem', { name: '受理' }).click();
  await pickItem(page, 'hszy', 'XK00101001-BJ');
  await page.getByRole('button', { name: '居民身份证：拍摄' }).click();
  const dialog = page.getByRole('dialog', { name: '拍摄：居民身份证' });
  await expect(dialog.getByLabel('高拍仪实时画面')).toBeVisible();
  const shutter = dialog.getByRole('button', { name: '拍摄' });
  await expect(shutter).toBeEnabled();
  await expect(shutter).toBeFocused();
  await shot(page, 'intake-camera');
  await shutter.click();
  await expect(dialog).toContainText('已拍摄 1 页');
  await dialog.getByRole('button', { name: '完成' }).click();
  const files = page.getByRole('group', { name: /居民身份证/ });
  await expect(files).toContainText(/居民身份证-拍摄-\d{8}-\d{6}\.jpg/);
  const stored = await idbRows<{ mime: string; size: number }>(page, 'blobs');
  expect(stored.some((b) => b.mime === 'image/jpeg' && b.size > 1000)).toBe(true);
});
