// Helpers for end-to-end tests: the hub's address and fresh enrollment codes, enrolling and
// logging in through the UI as a person would.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { HUB_INFO_FILE, type E2eHub } from './hub-setup';

export const hub = (): E2eHub => JSON.parse(readFileSync(HUB_INFO_FILE, 'utf8')) as E2eHub;

/**
 * The next counter number of the hall on this hub, unique across test processes (a worker that
 * restarts after a failure keeps counting): each call appends a line to a file in the hub's data
 * folder and takes its line's position. 40–49 are left to tests that name their counter
 * (technician.spec.ts) and 99 to the demo's region counter; after 79 the numbers come round again,
 * as a second device of a counter.
 */
function nextCounter(hallId: string): number {
  const file = join(hub().dataDir, `e2e-counters-${hallId}.txt`);
  const token = `${process.pid}-${randomUUID()}`;
  appendFileSync(file, `${token}\n`);
  const n = 10 + (readFileSync(file, 'utf8').split('\n').indexOf(token) % 79);
  return n >= 40 ? n + 10 : n;
}

/** A fresh one-time code for a counter of the hall, made with the hub's own command line. */
export function newCode(hallId: string, scope: 'hall' | 'region' = 'hall'): string {
  const h = hub();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli/main.ts', 'enroll-code', '--hall', hallId, '--counter', String(nextCounter(hallId)), '--scope', scope, '--json', '--data', h.dataDir], {
    encoding: 'utf8',
    env: { ...process.env, HUB_DATABASE_URL: '' },
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return (JSON.parse(line) as { code: string }).code;
}

export async function enroll(page: Page, hallId: string, name = `${hallId} 测试窗口`): Promise<void> {
  await page.goto(hub().url);
  await expect(page.getByRole('heading', { name: '注册本机' })).toBeVisible();
  await page.getByLabel('注册码').fill(newCode(hallId));
  await page.getByLabel('本机名称').fill(name);
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await expect(page.getByRole('heading', { name: '通办 · 登录' })).toBeVisible();
}

export async function login(page: Page, username: string, password = hub().password): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}

/**
 * Closes every browser context a test opened itself, pass or fail, so no counter of one test stays
 * online (logged in, ringing for calls, syncing) during the next. Use in test.afterEach.
 */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((c) => c.close().catch(() => undefined)));
}
