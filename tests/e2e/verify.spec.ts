// Verifying certificates at a counter, online and offline, and a forged one refused. The case is
// made through the hub's wire contract by two test devices (real socket.io pushes); the counter
// under test is the real UI in Chromium.
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { certificateQrText, type SignedCertificate } from '../../shared/certificate/verify';
import { TestDevice } from '../support/device';
import { shot } from './counter';
import { qrVideo } from './qr-video';
import { enroll, hub, login, newCode } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

async function issuedCertificate(): Promise<SignedCertificate> {
  const { url, password } = hub();
  const tj = await TestDevice.enroll(url, newCode('TJ'));
  const bj = await TestDevice.enroll(url, newCode('BJ'));
  const clerk = (await tj.login('tj-clerk', password)).staff.staffId;
  const reviewer = (await bj.login('bj-reviewer', password)).staff.staffId;
  await tj.connect();
  await bj.connect();
  try {
    const received = tj.received(clerk, { itemCode: 'GG00408001-BJ', homeHallId: 'BJ' });
    expect((await tj.push([received])).results[0]!.status).toBe('accepted');
    const decided = await bj.push([bj.event('case.review_started', received.caseId, {}, reviewer), bj.event('case.approved', received.caseId, { note: '同意' }, reviewer)]);
    expect(decided.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const { events } = await bj.pullAll();
    const issued = events.find((e) => e.caseId === received.caseId && e.type === 'certificate.issued');
    if (!issued || issued.type !== 'certificate.issued') throw new Error('the hub issued no certificate');
    return issued.payload;
  } finally {
    tj.close();
    bj.close();
  }
}

async function verify(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: '扫描证照上的二维码，或输入证照编号' });
  await input.fill(text);
  await input.press('Enter');
  // The field empties for the next scan once the answer is shown.
  await expect(input).toHaveValue('');
}

const verdict = (page: Page) => page.getByRole('status', { name: /^核验结果/ });

test('a counter verifies certificates online and offline, and says plainly when one is forged', async ({ page, context }) => {
  test.setTimeout(120_000);
  const signed = await issuedCertificate();
  const { url } = hub();
  await enroll(page, 'SJZ', '石家庄 核验窗口');
  await login(page, 'sjz-clerk');
  await page.getByRole('menuitem', { name: '证照核验' }).click();
  await expect(page.getByRole('textbox', { name: '扫描证照上的二维码，或输入证照编号' })).toBeFocused();

  // The QR code's text, as a scanner types it.
  await verify(page, certificateQrText(url, signed));
  await expect(verdict(page)).toContainText('证照真实有效');
  await expect(verdict(page)).toContainText(signed.certificate.certificateId);
  await expect(verdict(page)).toContainText('110105********002X');
  await shot(page, 'verify-genuine');

  // The number alone: the hub's record, checked here against the authority's key.
  await verify(page, signed.certificate.certificateId);
  await expect(verdict(page)).toContainText('证照真实有效');

  // An altered certificate: another holder's name on a genuine signature.
  const altered = { ...signed, certificate: { ...signed.certificate, holder: { ...signed.certificate.holder, name: '王五' } } };
  await verify(page, certificateQrText(url, altered));
  await expect(verdict(page)).toContainText('证照无效');
  await expect(verdict(page)).toContainText('可能被伪造或篡改');
  await shot(page, 'verify-forged');
  // A number the hub never issued.
  await verify(page, '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  await expect(verdict(page)).toContainText('证照无效');
  // Not a certificate at all.
  await verify(page, 'hello');
  await expect(page.getByRole('alert')).toContainText('不是有效的证照编号或证照二维码');

  // Offline, with the keys this counter synced: the QR code still verifies, a forgery still fails.
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');
  await verify(page, certificateQrText(url, signed));
  await expect(verdict(page)).toContainText('证照真实有效');
  await expect(verdict(page)).toContainText('离线核验');
  await verify(page, certificateQrText(url, altered));
  await expect(verdict(page)).toContainText('证照无效');
  await verify(page, '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  await expect(page.getByRole('alert')).toContainText('无法连接中心');
  await context.setOffline(false);

  // The hub's public page agrees, for a phone that scans the same code.
  const pageText = await (await page.request.get(`${url}/verify/${signed.certificate.certificateId}`)).text();
  expect(pageText).toContain('证照真实有效');
});

test('a certificate held up to the counter camera is read and verified', async () => {
  test.setTimeout(120_000);
  const signed = await issuedCertificate();
  // Chromium's fake camera plays a picture of the certificate's QR code.
  const video = qrVideo(certificateQrText(hub().url, signed), { width: 1280, height: 720 });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${video}`] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await enroll(page, 'XA', '雄安 核验窗口');
    await login(page, 'xa-clerk');
    await page.getByRole('menuitem', { name: '证照核验' }).click();
    await page.getByRole('button', { name: '摄像头扫码' }).click();
    await expect(page.getByRole('dialog', { name: '扫描证照二维码' }).getByLabel('扫码摄像头画面')).toBeVisible();
    await expect(verdict(page)).toContainText('证照真实有效', { timeout: 30_000 });
    await expect(verdict(page)).toContainText(signed.certificate.certificateId);
    await expect(page.getByRole('dialog', { name: '扫描证照二维码' })).toBeHidden();
  } finally {
    await browser.close();
  }
});
