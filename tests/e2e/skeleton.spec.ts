// The first end-to-end test: the built renderer, served locally, answers a click in Chromium.
import { expect, test } from '@playwright/test';

test('the counter UI starts in Chinese and shows its version through the web bridge', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '欢迎使用通办' })).toBeVisible();
  await page.getByRole('button', { name: '查看版本信息' }).click();
  const info = page.getByRole('table');
  await expect(info).toContainText('通办');
  await expect(info).toContainText('浏览器');
  await expect(info).toContainText(/\d+\.\d+\.\d+/);
  await page.screenshot({ path: 'tests/e2e/screenshots/skeleton.png', fullPage: true });
});
