// The hub serves the built counter UI at its root, in Chinese, and answers its health check.
import { expect, test } from '@playwright/test';
import { hub } from './support';

test('the hub serves the counter UI and its health', async ({ page, request }) => {
  const health = await request.get(`${hub().url}/healthz`);
  expect(await health.json()).toMatchObject({ ok: true });
  await page.goto(hub().url);
  await expect(page).toHaveTitle(/通办/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
