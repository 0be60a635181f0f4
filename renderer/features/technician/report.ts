// The diagnostics of a counter machine as data, and as the text a technician pastes to the helpdesk.
// Pure: gathering the figures is diagnostics.ts.
import type { AppInfo, PrinterInfo } from '../../../shared/bridge';
import { MAX_CLOCK_SKEW_MS } from '../../../shared/protocol/wire';

export interface Diagnostics {
  takenAt: string;
  hub: { url: string; reachable: boolean; version: string | null; error: string | null; roundTripMs: number | null };
  /** Hub clock minus ours, in ms (positive: ours is behind), from the hub's Date header; null when unknown. */
  clockSkewMs: number | null;
  device: { deviceId: string; deviceCode: string; hallId: string; hallName: string; counterNo: number; scope: string; deviceName: string; enrolledAt: string; previous: string[] } | null;
  app: Pick<AppInfo, 'version' | 'shell' | 'runtime' | 'platform' | 'arch' | 'signature' | 'releaseKeyId'>;
  sync: { online: boolean; lastSyncAt: number | null; lastError: string | null };
  outbox: { pending: number; refused: number; oldest: { at: string; what: string } | null };
  storage: { usage: number | null; quota: number | null };
  camera: { found: string[]; configured: string; configuredFound: boolean };
  printer: { canList: boolean; found: PrinterInfo[]; configured: string; configuredFound: boolean | null };
}

/**
 * Hub time minus local time at the moment the hub answered: the Date header has whole seconds, so the
 * hub's time is taken as the middle of its second, and ours as the middle of the round trip.
 */
export function clockSkewMs(sentAt: number, receivedAt: number, dateHeader: string | null): number | null {
  const hub = dateHeader ? Date.parse(dateHeader) : NaN;
  if (!Number.isFinite(hub)) return null;
  return Math.round(hub + 500 - (sentAt + receivedAt) / 2);
}

export function skewVerdict(skew: number | null): { level: 'ok' | 'warn' | 'error'; text: string } {
  if (skew === null) return { level: 'warn', text: '未知（中心无法连接）' };
  const seconds = Math.round(Math.abs(skew) / 1000);
  const side = skew > 0 ? '慢' : '快';
  if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) return { level: 'error', text: `本机时钟比中心${side} ${seconds} 秒：超过 5 分钟，中心会拒绝本机的请求（CLOCK_SKEW），请校准系统时间` };
  if (Math.abs(skew) > 60_000) return { level: 'warn', text: `本机时钟比中心${side} ${seconds} 秒：建议校准系统时间` };
  return { level: 'ok', text: seconds <= 1 ? '正常（相差不到 1 秒，以秒计）' : `正常（本机比中心${side} ${seconds} 秒）` };
}

export function formatBytes(n: number | null): string {
  if (n === null) return '未知';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

const SIGNATURE_WORDS: Record<AppInfo['signature']['status'], string> = { verified: '已验证', unsigned: '未签名', invalid: '校验失败', 'not-applicable': '不适用' };
const time = (iso: string | number | null) => (iso === null ? '无' : new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }));

/** The report as lines of `label：value`, in the order the page shows them. */
export function reportLines(d: Diagnostics): [string, string][] {
  const printer = !d.printer.canList
    ? '浏览器版无法检测，打印时在系统对话框中选择'
    : `${d.printer.found.length ? d.printer.found.map((p) => p.displayName).join('、') : '未找到打印机'}；设置：${d.printer.configured || '系统默认'}${d.printer.configuredFound === false ? '（未找到！）' : ''}`;
  return [
    ['检测时间', time(d.takenAt)],
    ['中心地址', d.hub.url || '未设置'],
    ['中心连接', d.hub.reachable ? `可连接，版本 ${d.hub.version ?? '未知'}，往返 ${d.hub.roundTripMs} 毫秒` : `无法连接（${d.hub.error ?? '原因不明'}）`],
    ['时钟偏差', skewVerdict(d.clockSkewMs).text],
    ['设备', d.device ? `${d.device.deviceCode}（${d.device.deviceName}），设备 ID ${d.device.deviceId}` : '未注册'],
    ['营业厅', d.device ? `${d.device.hallName}（${d.device.hallId}）${d.device.counterNo} 号窗口，范围 ${d.device.scope === 'region' ? '全区域' : '本厅'}` : '未注册'],
    ['注册时间', d.device ? time(d.device.enrolledAt) : '未注册'],
    ['曾用设备编号', d.device?.previous.length ? d.device.previous.join('、') : '无'],
    ['程序版本', `${d.app.version}（${d.app.shell === 'electron' ? '桌面版' : '浏览器版'}，${d.app.platform}${d.app.arch ? ` ${d.app.arch}` : ''}）`],
    ['运行环境', d.app.runtime],
    ['签名状态', `${SIGNATURE_WORDS[d.app.signature.status]}：${d.app.signature.detail}${d.app.releaseKeyId ? `（发布密钥 ${d.app.releaseKeyId}）` : ''}`],
    ['同步', `${d.sync.online ? '已连接' : '未连接'}，上次同步 ${time(d.sync.lastSyncAt)}${d.sync.lastError ? `，最近错误：${d.sync.lastError}` : ''}`],
    ['待上传', `${d.outbox.pending} 条${d.outbox.oldest ? `，最早一条：${d.outbox.oldest.what}（${time(d.outbox.oldest.at)}）` : ''}`],
    ['被退回', `${d.outbox.refused} 条`],
    ['本机存储', d.storage.usage === null ? '未知' : `已用 ${formatBytes(d.storage.usage)} / 可用上限 ${formatBytes(d.storage.quota)}`],
    ['摄像头', `${d.camera.found.length ? `找到 ${d.camera.found.length} 个：${d.camera.found.join('、')}` : '未找到摄像头'}；设置：${d.camera.configured ? (d.camera.configuredFound ? '已选定的摄像头在线' : '已选定的摄像头未找到！') : '系统默认'}`],
    ['打印机', printer],
  ];
}

export function formatReport(d: Diagnostics): string {
  return ['通办柜台诊断报告', ...reportLines(d).map(([k, v]) => `${k}：${v}`)].join('\n');
}
