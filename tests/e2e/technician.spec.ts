// The field technician's tools in the real UI: enrolling by scanning the enrollment QR code with the
// camera (Chromium's fake camera plays a picture of the code), the diagnostics page and its copied
// report, and re-enrolling a revoked counter without losing the case it took offline.
import { spawnSync } from 'node:child_process';
import { chromium, expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { enrollQrText } from '../../renderer/features/enroll/enroll-qr';
import { idbRows, intakeHousingFundProof } from './counter';
import { qrVideo } from './qr-video';
import { enroll, hub, login, shot } from './support';

test.use({ viewport: { width: 1440, height: 900 } });

/** Runs a hub command against the e2e hub's store and returns its JSON answer. */
function hubCommand<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', ...args, '--json', '--data', hub().dataDir], { encoding: 'utf8', env: { ...process.env, HUB_DATABASE_URL: '' } });
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? 'null') as T;
}

/** The diagnostics page's value for one label. */
const diagnostic = (page: Page, label: string) => page.getByRole('region', { name: '本机诊断' }).getByRole('row', { name: new RegExp(`^${label}`) });

test('a technician enrolls by scanning the QR code, and the diagnostics page reports the machine', async () => {
  test.setTimeout(120_000);
  const code = hubCommand<{ code: string }>(['enroll-code', '--hall', 'SJZ', '--counter', '41']).code;
  const video = qrVideo(enrollQrText(hub().url, code));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${video}`] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: hub().url });
    const page = await context.newPage();
    await page.goto(hub().url);
    await page.getByRole('button', { name: '扫描二维码' }).click();
    await expect(page.getByRole('dialog', { name: '扫描注册二维码' }).getByLabel('扫码摄像头画面')).toBeVisible();
    await expect(page.getByText(`已从二维码读取：${hub().url}，注册码 ${code}`)).toBeVisible();
    await expect(page.getByLabel('注册码')).toHaveValue(code);
    await page.getByLabel('本机名称').fill('石家庄 41 号窗口');
    await shot(page, 'technician-enroll-qr');
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect(page.getByRole('heading', { name: '通办 · 登录' })).toBeVisible();
    await expect(page.getByText('SJZ41A')).toBeVisible();

    await login(page, 'sjz-clerk');
    await page.getByRole('menuitem', { name: '技术维护' }).click();
    await expect(diagnostic(page, '中心连接')).toContainText(/可连接，版本 \d+\.\d+\.\d+/);
    await expect(diagnostic(page, '时钟偏差')).toContainText('正常');
    await expect(diagnostic(page, '设备')).toContainText('SJZ41A（石家庄 41 号窗口），设备 ID');
    await expect(diagnostic(page, '营业厅')).toContainText('（SJZ）41 号窗口');
    await expect(diagnostic(page, '签名状态')).toContainText('不适用');
    await expect(diagnostic(page, '待上传')).toContainText('0 条');
    await expect(diagnostic(page, '本机存储')).toContainText('已用');
    await expect(diagnostic(page, '摄像头')).toContainText('找到 1 个');
    await expect(diagnostic(page, '打印机')).toContainText('浏览器版无法检测');
    await expect(page.getByRole('region', { name: '从 U 盘更新' })).toHaveCount(0);
    await shot(page, 'technician-diagnostics');

    await page.getByRole('button', { name: '复制报告' }).click();
    await expect(page.getByText('诊断报告已复制')).toBeVisible();
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('通办柜台诊断报告');
    expect(copied).toContain('设备：SJZ41A（石家庄 41 号窗口）');
    expect(copied).toContain('待上传：0 条');
  } finally {
    await browser.close();
  }
});

test('a revoked counter is re-enrolled and the case it took offline reaches the hub', async ({ page, context }) => {
  test.setTimeout(180_000);
  await enroll(page, 'TJ', '天津 被吊销窗口');
  await login(page, 'tj-clerk');
  await expect.poll(async () => (await idbRows(page, 'catalog')).length).toBe(1);
  const [old] = (await idbRows<{ key: string; value: { deviceId: string; deviceCode: string; counterNo: number } }>(page, 'meta')).filter((r) => r.key === 'device').map((r) => r.value);

  // Offline, the clerk takes a case: it waits in the outbox under the old device's number.
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');
  await page.getByRole('menuitem', { name: '受理' }).click();
  const caseNo = await intakeHousingFundProof(page);
  expect(caseNo.startsWith(`${old!.deviceCode}-`)).toBe(true);
  await page.getByRole('menuitem', { name: '技术维护' }).click();
  await expect(diagnostic(page, '待上传')).toContainText('1 条，最早一条：受理');
  await expect(diagnostic(page, '中心连接')).toContainText('无法连接');

  // The hub admin revokes the device; back online, the hub refuses it.
  hubCommand(['revoke-device', '--device', old!.deviceId]);
  await context.setOffline(false);
  await page.getByRole('button', { name: '退出' }).click();
  const revoked = page.getByRole('alert').filter({ hasText: '本机已被中心吊销，无法同步' });
  await expect(revoked).toBeVisible({ timeout: 30_000 });
  await shot(page, 'technician-revoked');

  // The technician re-enrolls with a new code for the same window.
  const code = hubCommand<{ code: string }>(['enroll-code', '--hall', 'TJ', '--counter', String(old!.counterNo)]).code;
  await revoked.getByRole('button', { name: '重新注册本机' }).click();
  const dialog = page.getByRole('dialog', { name: '重新注册本机' });
  await expect(dialog).toContainText('本机有 1 条记录尚未上传');
  await dialog.getByLabel('注册码').fill(code);
  await shot(page, 'technician-reenroll');
  await dialog.getByRole('button', { name: '重新注册', exact: true }).click();
  const newCode = old!.deviceCode.replace(/A$/, 'B');
  await expect(dialog.getByText(`已重新注册为 ${newCode}，正在重新启动…`)).toBeVisible({ timeout: 30_000 });
  // The app restarts under the new identity; the dialog stays up until then (typing before would be lost).
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(`天津市政务服务中心 · ${newCode}`)).toBeVisible({ timeout: 30_000 });

  // The case goes to the hub under the new device, with its number unchanged, and comes back in the feed.
  await login(page, 'tj-clerk');
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('待上传：0', { timeout: 30_000 });
  type Row = { id: string; state?: string; event?: { deviceId: string; deviceSeq: number; type: string; payload: { caseNo?: string } } };
  const [now] = (await idbRows<{ key: string; value: { deviceId: string } }>(page, 'meta')).filter((r) => r.key === 'device').map((r) => r.value);
  const outbox = await idbRows<Row>(page, 'outbox');
  const taken = outbox.find((r) => r.event?.type === 'case.received' && r.event.payload.caseNo === caseNo)!;
  expect(taken).toMatchObject({ state: 'accepted', event: { deviceId: now!.deviceId, deviceSeq: 1 } });
  await expect.poll(async () => (await idbRows<{ id: string; deviceId: string; payload: { caseNo?: string } }>(page, 'feed')).find((e) => e.id === taken.id)?.deviceId).toBe(now!.deviceId);
  await page.getByRole('menuitem', { name: '技术维护' }).click();
  await expect(diagnostic(page, '曾用设备编号')).toContainText(old!.deviceCode);
  await expect(diagnostic(page, '设备')).toContainText(newCode);
  await shot(page, 'technician-reenrolled');
});
