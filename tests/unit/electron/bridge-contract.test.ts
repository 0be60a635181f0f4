// One contract suite, run against both bridges: the web one (renderer/platform/web-bridge.ts) and the
// Electron one (the preload's object over a fake IPC pair wired to the real main-process handlers,
// with settings in a real `conf` store, the library electron-store is built on). Mocked: the
// Electron runtime (IPC transport, printer, file dialog) and the browser's localStorage and print
// dialog, which do not exist in Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppInfo, Bridge, PrintRequest } from '../../../shared/bridge';
import { DEFAULT_SETTINGS } from '../../../shared/bridge';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import type { PrintDevice } from '../../../electron/main/printing';
import { SettingsRepository } from '../../../electron/main/settings-repository';
import { shellHandlers } from '../../../electron/main/shell-handlers';
import { UsbUpdates } from '../../../electron/main/usb-update';
import { createPreloadBridge } from '../../../electron/preload/bridge';
import { createWebBridge } from '../../../renderer/platform/web-bridge';
import { fakeIpcPair } from './fake-ipc';

const VERSION = '0.1.0';
const RECEIPT: PrintRequest = { html: '<!doctype html><p>受理回执</p>', title: '受理回执 TJ03A-20261125-0001X' };

interface Subject {
  /** A bridge over the given store: two bridges made with the same store see the same settings. */
  make(store: number): Bridge;
  printed: PrintRequest[];
}

const temp = mkdtempSync(join(tmpdir(), 'tongban-bridge-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function webSubject(): Subject {
  const stores = new Map<number, Map<string, string>>();
  const printed: PrintRequest[] = [];
  return {
    printed,
    make: (n) => {
      const map = stores.get(n) ?? new Map<string, string>();
      stores.set(n, map);
      return createWebBridge(VERSION, {
        storage: { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, String(v)) },
        printWithDialog: async (r) => (printed.push(r), { ok: true }),
        platform: 'Linux x86_64',
        userAgent: 'Mozilla/5.0 Chromium',
      });
    },
  };
}

function electronSubject(): Subject {
  const printed: PrintRequest[] = [];
  const device: PrintDevice = {
    printers: async () => [{ name: 'HP-LaserJet', displayName: 'HP LaserJet（柜台）' }],
    printSilently: async (html, options) => {
      printed.push({ html, title: '', copies: options.copies ?? 1 });
      return { success: true, failureReason: '' };
    },
    printToPdf: async () => new TextEncoder().encode('%PDF-1.7'),
    writeFile: async (name) => `/home/clerk/Documents/通办/${name}`,
  };
  return {
    printed,
    make: (n) => {
      const settings = new SettingsRepository(new Conf<Record<string, unknown>>({ projectName: 'tongban-test', cwd: join(temp, `store-${n}`), configName: 'settings' }));
      const updates = new UsbUpdates({ publicKey: '', currentVersion: VERSION, stagingDir: join(temp, 'staging'), platform: 'linux', arch: 'x64', runningAppImage: false, chooseFolder: async () => null, launch: async () => undefined });
      const info: AppInfo = { name: '通办', version: VERSION, shell: 'electron', platform: 'linux', arch: 'x64', runtime: 'Electron 41.10.0', signed: false, signature: { status: 'unsigned', detail: '开发运行（未打包），没有发布签名' }, releaseKeyId: null };
      const ipc = fakeIpcPair();
      registerIpcHandlers(ipc.ipcMain, shellHandlers({ settings, printing: device, updates, appInfo: async () => info }));
      return createPreloadBridge(ipc.invoke);
    },
  };
}

let storeNo = 0;
function contract(name: string, subject: () => Subject) {
  describe(`the bridge contract: ${name}`, () => {
    const s = subject();
    const fresh = () => s.make(++storeNo);

    it('describes the app, its shell, and the state of its build signature', async () => {
      const info = await fresh().appInfo();
      expect(info).toMatchObject({ name: '通办', version: VERSION });
      expect(['web', 'electron']).toContain(info.shell);
      expect(info.signed).toBe(info.signature.status === 'verified');
      expect(info.signature.detail.length).toBeGreaterThan(0);
      expect(typeof info.runtime).toBe('string');
    });

    it('starts from the defaults, saves a patch, keeps the other fields, and persists', async () => {
      const n = ++storeNo;
      const bridge = s.make(n);
      expect(await bridge.getSettings()).toEqual(DEFAULT_SETTINGS);
      const saved = await bridge.setSettings({ hubUrl: 'http://hub.jjj.gov.cn:8443', hallId: 'TJ', counterNo: 3 });
      expect(saved).toEqual({ ...DEFAULT_SETTINGS, hubUrl: 'http://hub.jjj.gov.cn:8443', hallId: 'TJ', counterNo: 3 });
      const more = await bridge.setSettings({ printer: 'HP-LaserJet', cameraDeviceId: 'cam-1', language: 'en' });
      expect(more).toEqual({ ...DEFAULT_SETTINGS, hubUrl: 'http://hub.jjj.gov.cn:8443', hallId: 'TJ', counterNo: 3, printer: 'HP-LaserJet', cameraDeviceId: 'cam-1', language: 'en' });
      // Another bridge over the same store (the app started again) reads the same.
      expect(await s.make(n).getSettings()).toEqual(more);
    });

    it('refuses a bad setting with a reason a technician can act on, and changes nothing', async () => {
      const bridge = fresh();
      await bridge.setSettings({ printer: 'HP-LaserJet' });
      const cases: [Record<string, unknown>, string][] = [
        [{ hubUrl: 'ftp://hub.jjj.gov.cn' }, '设置未保存。中心地址：中心地址须为“http(s)://主机[:端口]”形式，不带路径，如 https://hub.example.gov.cn'],
        [{ hubUrl: 'https://hub.jjj.gov.cn/sync' }, '设置未保存。中心地址：中心地址须为“http(s)://主机[:端口]”形式'],
        [{ hubUrl: 'https://user@hub.jjj.gov.cn' }, '设置未保存。中心地址：中心地址须为“http(s)://主机[:端口]”形式'],
        [{ language: 'fr' }, '设置未保存。界面语言：界面语言只能是 zh-CN 或 en'],
        [{ counterNo: 100 }, '设置未保存。窗口号：窗口号须为 1 至 99'],
        [{ hallId: 'tj' }, '设置未保存。营业厅：营业厅代码应为 2 至 6 位大写字母'],
        [{ printer: 'HP\u0000' }, '设置未保存。打印机：打印机名称含有控制字符'],
      ];
      for (const [patch, message] of cases) {
        await expect(bridge.setSettings(patch as never)).rejects.toThrow(message);
      }
      await expect(bridge.setSettings({ colour: 'red' } as never)).rejects.toThrow(/设置未保存。/);
      expect(await bridge.getSettings()).toEqual({ ...DEFAULT_SETTINGS, printer: 'HP-LaserJet' });
    });

    it('prints what it is given, refuses a bad request, and makes a PDF only where it says it can', async () => {
      const bridge = fresh();
      const caps = await bridge.capabilities();
      const before = s.printed.length;
      expect(await bridge.print(RECEIPT)).toEqual({ ok: true });
      expect(s.printed.length).toBe(before + 1);
      expect(s.printed.at(-1)!.html).toBe(RECEIPT.html);
      expect(await bridge.print({ ...RECEIPT, html: '' })).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: '无法打印：打印内容为空' } });
      expect(await bridge.print({ ...RECEIPT, copies: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      const pdf = await bridge.print({ ...RECEIPT, toPdf: true });
      if (caps.printToPdf) expect(pdf).toMatchObject({ ok: true, pdfPath: expect.stringMatching(/受理回执 TJ03A-20261125-0001X-\d{8}-\d{6}\.pdf$/) });
      else expect(pdf).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
      expect(s.printed.length).toBe(before + 1);
    });

    it('lists printers and offers updates only where its capabilities say so', async () => {
      const bridge = fresh();
      const caps = await bridge.capabilities();
      const printers = await bridge.printers();
      if (caps.listPrinters) expect(printers.length).toBeGreaterThan(0);
      else expect(printers).toEqual([]);
      const usb = await bridge.updateFromUsb();
      expect(usb.ok).toBe(false);
      // The desktop asks for a folder (cancelled here); the browser cannot update at all.
      expect(usb.ok ? '' : usb.error.code).toBe(caps.selfUpdate ? 'CANCELLED' : 'UNSUPPORTED');
      const install = await bridge.installUpdate('9.9.9');
      expect(install).toMatchObject({ ok: false, error: { code: caps.selfUpdate ? 'NOT_STAGED' : 'UNSUPPORTED' } });
    });
  });
}

contract('web', webSubject);
contract('Electron (preload over IPC)', electronSubject);
