// The bridge in a plain browser: settings in localStorage, printing through the print dialog, no
// printer list and no updates. The browser's parts come in as `WebEnvironment`, so the same contract
// suite that runs against the Electron bridge runs against this one in Node.
import {
  checkPrintRequest,
  checkSettingsPatch,
  settingsFromStored,
  UNSUPPORTED_IN_BROWSER,
  type Bridge,
  type CounterSettings,
  type PrintOutcome,
  type PrintRequest,
} from '../../shared/bridge';

const SETTINGS_KEY = 'tongban.settings';

export interface WebEnvironment {
  /** localStorage in the page. */
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  /** The print dialog (print-dialog.ts) in the page. */
  printWithDialog(request: PrintRequest): Promise<PrintOutcome>;
  platform: string;
  userAgent: string;
}

export function createWebBridge(version: string, env: WebEnvironment): Bridge {
  const read = (): CounterSettings => {
    try {
      return settingsFromStored(JSON.parse(env.storage.getItem(SETTINGS_KEY) ?? 'null'));
    } catch {
      return settingsFromStored(null);
    }
  };
  return {
    appInfo: async () => ({
      name: '通办',
      version,
      shell: 'web',
      platform: env.platform || 'web',
      arch: '',
      runtime: env.userAgent,
      signed: false,
      signature: { status: 'not-applicable', detail: '浏览器版由中心提供页面，不涉及安装包签名' },
      releaseKeyId: null,
    }),
    capabilities: async () => ({ silentPrint: false, printToPdf: false, listPrinters: false, selfUpdate: false }),
    getSettings: async () => read(),
    setSettings: async (patch) => {
      const checked = checkSettingsPatch(patch);
      if (!checked.ok) throw new Error(checked.error.message);
      const next = { ...read(), ...checked.value };
      env.storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    print: async (request) => {
      const checked = checkPrintRequest(request);
      if (!checked.ok) return checked;
      if (checked.value.toPdf) return { ok: false, error: { code: 'UNSUPPORTED', message: '浏览器版不能直接生成 PDF：请在打印对话框中选择“另存为 PDF”' } };
      return env.printWithDialog(checked.value);
    },
    printers: async () => [],
    updateFromUsb: async () => ({ ok: false, error: UNSUPPORTED_IN_BROWSER }),
    installUpdate: async () => ({ ok: false, error: UNSUPPORTED_IN_BROWSER }),
  };
}
