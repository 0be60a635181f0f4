// The bridge: the one typed interface between the UI and its shell (Electron preload, or the web).
// Both implementations check their input with the schemas below and refuse it with the same words.
import { z } from 'zod';
import { HALL_ID_PATTERN } from './halls';
import type { Problem, Result } from './result';
import './protocol/zod-locale';

export type SignatureStatus = 'verified' | 'unsigned' | 'invalid' | 'not-applicable';

export interface AppInfo {
  name: string;
  version: string;
  shell: 'electron' | 'web';
  platform: string;
  arch: string;
  /** The shell's runtime, e.g. "Electron 41.10.0 / Chromium 146", or the browser's user agent. */
  runtime: string;
  /** Whether this build's signature was verified (always false in a browser). */
  signed: boolean;
  /** The check of the installed build against the release key built into it, in words. */
  signature: { status: SignatureStatus; detail: string };
  /** The release key this build trusts for updates (see shared/update), null when none was built in. */
  releaseKeyId: string | null;
}

export interface CounterSettings {
  /** The hub's origin, e.g. `https://hub.example.gov.cn`; empty before enrollment. */
  hubUrl: string;
  /** The hall and counter this machine was enrolled for; empty and 0 before enrollment. */
  hallId: string;
  counterNo: number;
  printer: string;
  cameraDeviceId: string;
  /** The microphone for video consultation ('' = the system's default); the camera is cameraDeviceId. */
  microphoneDeviceId: string;
  language: 'zh-CN' | 'en';
}

export const DEFAULT_SETTINGS: CounterSettings = {
  hubUrl: '',
  hallId: '',
  counterNo: 0,
  printer: '',
  cameraDeviceId: '',
  microphoneDeviceId: '',
  language: 'zh-CN',
};

// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

const ORIGIN_SHAPE = /^https?:\/\/(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)(?::\d{1,5})?$/;

/**
 * The hub's address as an origin (scheme, host, port; no path), or '' before enrollment. The UI
 * turns what a technician types into this form (renderer/data/device.ts, normalizeHubUrl).
 */
export const HubOrigin = z
  .string()
  .max(300, '中心地址过长')
  .refine((v) => v === '' || ORIGIN_SHAPE.test(v), '中心地址须为“http(s)://主机[:端口]”形式，不带路径，如 https://hub.example.gov.cn');

export const SettingsPatch = z.strictObject({
  hubUrl: HubOrigin.optional(),
  hallId: z.union([z.literal(''), z.string().regex(HALL_ID_PATTERN, '营业厅代码应为 2 至 6 位大写字母')]).optional(),
  counterNo: z.number().int('窗口号须为整数').min(0).max(99, '窗口号须为 1 至 99').optional(),
  printer: z.string().trim().max(200, '打印机名称过长').refine(noControl, '打印机名称含有控制字符').optional(),
  cameraDeviceId: z.string().max(500, '摄像头编号过长').refine(noControl, '摄像头编号含有控制字符').optional(),
  microphoneDeviceId: z.string().max(500, '麦克风编号过长').refine(noControl, '麦克风编号含有控制字符').optional(),
  language: z.enum(['zh-CN', 'en'], '界面语言只能是 zh-CN 或 en').optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

/** A patch checked, or the first reason it is refused (the text both shells put in their Error). */
export function checkSettingsPatch(patch: unknown): Result<Partial<CounterSettings>> {
  const r = SettingsPatch.safeParse(patch);
  if (r.success) return { ok: true, value: r.data as Partial<CounterSettings> };
  const issue = r.error.issues[0];
  const field = issue?.path[0];
  const label = typeof field === 'string' ? SETTING_LABELS[field as keyof CounterSettings] : undefined;
  const message = issue?.code === 'unrecognized_keys' ? `未知的设置项：${issue.keys.join('、')}` : `${label ? `${label}：` : ''}${issue?.message ?? '设置格式错误'}`;
  return { ok: false, error: { code: 'INVALID_SETTINGS', message: `设置未保存。${message}` } };
}

/** Reads stored settings whatever state they are in: each bad or missing field falls back to its default. */
export function settingsFromStored(stored: unknown): CounterSettings {
  const out: CounterSettings = { ...DEFAULT_SETTINGS };
  if (typeof stored !== 'object' || stored === null) return out;
  for (const [key, value] of Object.entries(stored)) {
    const one = SettingsPatch.safeParse({ [key]: value });
    if (one.success) Object.assign(out, one.data);
  }
  return out;
}

export const SETTING_LABELS: Record<keyof CounterSettings, string> = {
  hubUrl: '中心地址',
  hallId: '营业厅',
  counterNo: '窗口号',
  printer: '打印机',
  cameraDeviceId: '摄像头',
  microphoneDeviceId: '麦克风',
  language: '界面语言',
};

export const PrintRequest = z.strictObject({
  /** A complete HTML document to print (receipt, notice, certificate). */
  html: z.string().min(1, '打印内容为空').max(5_000_000, '打印内容超过 5 MB'),
  title: z.string().trim().min(1, '请给打印的文件一个标题').max(200, '标题过长').refine(noControl, '标题含有控制字符'),
  copies: z.number().int().min(1, '份数至少为 1').max(20, '一次最多打印 20 份').optional(),
  /** Print to PDF instead of the printer, where the shell can. */
  toPdf: z.boolean().optional(),
});
export type PrintRequest = z.infer<typeof PrintRequest>;

export type PrintErrorCode = 'PRINT_CANCELLED' | 'PRINT_FAILED' | 'NO_PRINTER' | 'UNSUPPORTED' | 'INVALID_REQUEST';
export type PrintOutcome = { ok: true; pdfPath?: string } | { ok: false; error: { code: PrintErrorCode; message: string } };

/** A print request checked, or the outcome that refuses it. */
export function checkPrintRequest(request: unknown): { ok: true; value: PrintRequest } | Extract<PrintOutcome, { ok: false }> {
  const r = PrintRequest.safeParse(request);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: { code: 'INVALID_REQUEST', message: `无法打印：${issue?.message ?? '打印请求格式错误'}` } };
}

export interface PrinterInfo {
  /** The name the system knows it by (what the printer setting holds). */
  name: string;
  displayName: string;
}

export interface Capabilities {
  silentPrint: boolean;
  printToPdf: boolean;
  /** Lists the machine's printers (the web cannot: the print dialog chooses). */
  listPrinters: boolean;
  /** Verifies and installs signed updates (from a USB stick). */
  selfUpdate: boolean;
}

/** A verified update package waiting to be installed. */
export interface StagedUpdate {
  version: string;
  /** Where it was read from, for the technician to see. */
  source: string;
  files: number;
}

export type UpdateOutcome = Result<StagedUpdate>;
export const UNSUPPORTED_IN_BROWSER: Problem = { code: 'UNSUPPORTED', message: '浏览器版不能安装更新：请在桌面版的“技术维护”中操作' };

export interface Bridge {
  appInfo(): Promise<AppInfo>;
  capabilities(): Promise<Capabilities>;
  getSettings(): Promise<CounterSettings>;
  /** Saves a patch and returns the settings; rejects with an Error saying why when a field is invalid. */
  setSettings(patch: Partial<CounterSettings>): Promise<CounterSettings>;
  print(request: PrintRequest): Promise<PrintOutcome>;
  printers(): Promise<PrinterInfo[]>;
  /** Asks for the update folder (a USB stick), verifies it, and keeps it ready to install. */
  updateFromUsb(): Promise<UpdateOutcome>;
  /** Installs the verified package of that version and restarts; refused if none is staged. */
  installUpdate(version: string): Promise<Result<null>>;
}
