// The bridge in a plain browser: settings in localStorage, printing through the print dialog.
import { DEFAULT_SETTINGS, type Bridge, type CounterSettings, type PrintOutcome, type PrintRequest } from '../../shared/bridge';

const SETTINGS_KEY = 'tongban.settings';

function readSettings(): CounterSettings {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<CounterSettings>) } : { ...DEFAULT_SETTINGS };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Prints an HTML document through a hidden iframe and the browser's own print dialog. */
function printHtml(request: PrintRequest): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
    frame.srcdoc = request.html;
    frame.onload = () => {
      const win = frame.contentWindow;
      if (!win) {
        frame.remove();
        resolve({ ok: false, error: { code: 'PRINT_FAILED', message: '无法打开打印页面' } });
        return;
      }
      win.document.title = request.title;
      win.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
      win.focus();
      win.print();
      resolve({ ok: true });
    };
    document.body.appendChild(frame);
  });
}

export function createWebBridge(version: string): Bridge {
  return {
    appInfo: async () => ({ name: '通办', version, shell: 'web', platform: navigator.platform || 'web', signed: false }),
    capabilities: async () => ({ silentPrint: false, printToPdf: false, selfUpdate: false }),
    getSettings: async () => readSettings(),
    setSettings: async (patch) => {
      const next = { ...readSettings(), ...patch };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    print: printHtml,
  };
}
