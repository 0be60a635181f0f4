// The bridge: the one typed interface between the UI and its shell (Electron preload, or the web).

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'web';
  platform: string;
  /** Whether this build's signature was verified (always false in a browser). */
  signed: boolean;
}

export interface CounterSettings {
  hubUrl: string;
  printer: string;
  cameraDeviceId: string;
  language: 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: CounterSettings = {
  hubUrl: '',
  printer: '',
  cameraDeviceId: '',
  language: 'zh-CN',
};

export interface PrintRequest {
  /** A complete HTML document to print (receipt, notice, certificate). */
  html: string;
  title: string;
  copies?: number;
  /** Print to PDF instead of the printer, where the shell can. */
  toPdf?: boolean;
}

export type PrintOutcome =
  | { ok: true; pdfPath?: string }
  | { ok: false; error: { code: 'PRINT_CANCELLED' | 'PRINT_FAILED' | 'NO_PRINTER'; message: string } };

export interface Capabilities {
  silentPrint: boolean;
  printToPdf: boolean;
  selfUpdate: boolean;
}

export interface Bridge {
  appInfo(): Promise<AppInfo>;
  capabilities(): Promise<Capabilities>;
  getSettings(): Promise<CounterSettings>;
  setSettings(patch: Partial<CounterSettings>): Promise<CounterSettings>;
  print(request: PrintRequest): Promise<PrintOutcome>;
}
