// End-to-end tests: the real renderer in Debian's Chromium (no browser download; see README).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

const E2E_HUB_PORT = Number(process.env.E2E_HUB_PORT ?? 5180);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  // CI retries a failed test once (a shared 2-core machine can starve a browser); locally none, so a flake shows.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_HUB_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // Counters run with antd's motion off (the app follows this system setting): a transition that never
    // ends on a starved machine would leave a control half-gone, say a spinner inside a button's name.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'off',
  },
  globalSetup: './tests/e2e/hub-setup.ts',
});
