// A technician enrolls a counter, staff log in online, a wrong password is told plainly, and the
// same person logs in again with the hub unreachable. The counter keeps the catalog and calendar.
import { expect, test } from '@playwright/test';
import { idbRows } from './counter';
import { enroll, hub, login, shot } from './support';

test('enroll, log in online, refuse a wrong password, log in offline', async ({ page, context }) => {
  await page.goto(hub().url);
  await shot(page, 'enroll');
  await page.getByLabel('注册码').fill('AAAA-BBBB-CCCC');
  await page.getByLabel('本机名称').fill('天津 1 号窗口');
  await page.getByRole('button', { name: '注册' }).click();
  await expect(page.getByRole('alert')).toContainText('注册码不存在');
  await enroll(page, 'TJ');
  await shot(page, 'login');

  await page.getByLabel('用户名').fill('tj-clerk');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toContainText('用户名或密码错误');

  await login(page, 'tj-clerk');
  await expect(page.getByText('李静（窗口受理员）')).toBeVisible();
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('已连接中心');
  await shot(page, 'frame');
  // The new counter keeps the hub's catalog and working-day calendar for offline use.
  await expect.poll(async () => (await idbRows<{ year: number }>(page, 'calendar')).map((y) => y.year).sort()).toEqual([2025, 2026, 2027]);
  await expect.poll(async () => (await idbRows(page, 'catalog')).length).toBe(1);

  await page.getByRole('button', { name: '退出' }).click();
  await context.setOffline(true);
  await login(page, 'tj-clerk');
  await expect(page.getByText('离线登录')).toBeVisible();
  await expect(page.getByRole('status', { name: '同步状态' })).toContainText('离线');
  await context.setOffline(false);
});
