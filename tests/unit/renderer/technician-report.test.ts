// The technician's diagnostics report: clock skew from the hub's Date header, the verdicts, and the
// text copied for the helpdesk.
import { describe, expect, it } from 'vitest';
import { clockSkewMs, formatBytes, formatReport, skewVerdict, type Diagnostics } from '../../../renderer/features/technician/report';
import { reauthorEvents } from '../../../renderer/features/enroll/reauthor';
import { enrollmentMismatch } from '../../../renderer/features/enroll/reenroll';
import { makeEvent, receivedPayload } from '../../support/events';

const report: Diagnostics = {
  takenAt: '2026-11-25T02:00:00.000Z',
  hub: { url: 'https://hub.jjj.gov.cn', reachable: true, version: '0.1.0', error: null, roundTripMs: 42 },
  clockSkewMs: 1200,
  device: { deviceId: '0193b1c2-0000-7000-8000-000000000001', deviceCode: 'TJ03B', hallId: 'TJ', hallName: '天津市政务服务中心', counterNo: 3, scope: 'hall', deviceName: '天津 3 号窗口', enrolledAt: '2026-11-20T01:00:00.000Z', previous: ['TJ03A'] },
  app: { version: '0.1.0', shell: 'electron', runtime: 'Electron 41.10.0 / Chromium 146', platform: 'linux', arch: 'arm64', signature: { status: 'verified', detail: '已通过发布密钥校验（app.asar）' }, releaseKeyId: '4edc101742ac8446' },
  sync: { online: false, lastSyncAt: null, lastError: '设备已被吊销，请联系管理员重新注册' },
  outbox: { pending: 2, refused: 0, oldest: { at: '2026-11-24T09:30:00.000Z', what: '受理' } },
  storage: { usage: 5 * 1024 * 1024, quota: 10 * 1024 ** 3 },
  camera: { found: ['Document Camera'], configured: 'abc', configuredFound: false },
  printer: { canList: true, found: [{ name: 'HP', displayName: 'HP LaserJet' }], configured: 'HP', configuredFound: true },
};

describe('diagnostics report', () => {
  it('takes the clock skew from the Date header against the middle of the round trip', () => {
    const sent = Date.parse('2026-11-25T02:00:00.000Z');
    expect(clockSkewMs(sent, sent + 200, 'Wed, 25 Nov 2026 02:00:00 GMT')).toBe(400);
    expect(clockSkewMs(sent, sent + 200, 'Wed, 25 Nov 2026 02:07:00 GMT')).toBe(420_400);
    expect(clockSkewMs(sent, sent, null)).toBeNull();
    expect(clockSkewMs(sent, sent, 'yesterday')).toBeNull();
    expect(skewVerdict(420_400)).toEqual({ level: 'error', text: '本机时钟比中心慢 420 秒：超过 5 分钟，中心会拒绝本机的请求（CLOCK_SKEW），请校准系统时间' });
    expect(skewVerdict(-90_000).level).toBe('warn');
    expect(skewVerdict(400).text).toBe('正常（相差不到 1 秒，以秒计）');
    expect(skewVerdict(null).level).toBe('warn');
  });

  it('writes every part in words the helpdesk reads', () => {
    const text = formatReport(report);
    expect(text.split('\n')[0]).toBe('通办柜台诊断报告');
    for (const line of [
      '中心连接：可连接，版本 0.1.0，往返 42 毫秒',
      '设备：TJ03B（天津 3 号窗口），设备 ID 0193b1c2-0000-7000-8000-000000000001',
      '营业厅：天津市政务服务中心（TJ）3 号窗口，范围 本厅',
      '曾用设备编号：TJ03A',
      '签名状态：已验证：已通过发布密钥校验（app.asar）（发布密钥 4edc101742ac8446）',
      '待上传：2 条，最早一条：受理（2026/11/24 17:30:00）',
      '本机存储：已用 5.0 MB / 可用上限 10.0 GB',
      '摄像头：找到 1 个：Document Camera；设置：已选定的摄像头未找到！',
      '打印机：HP LaserJet；设置：HP',
    ]) {
      expect(text).toContain(line);
    }
    expect(formatReport({ ...report, printer: { canList: false, found: [], configured: '', configuredFound: null } })).toContain('打印机：浏览器版无法检测，打印时在系统对话框中选择');
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('re-enrollment rules', () => {
  it('re-authors pending events for the new device in their order, keeping ids, case numbers and authors', () => {
    const caseId = '0193b1c2-0000-7000-8000-0000000000aa';
    const events = [5, 3, 4].map((seq) => makeEvent('case.received', receivedPayload(), { caseId, deviceSeq: seq }));
    const out = reauthorEvents(events, 'new-device');
    expect(out.map((e) => [e.id, e.deviceId, e.deviceSeq])).toEqual([
      [events[1]!.id, 'new-device', 1],
      [events[2]!.id, 'new-device', 2],
      [events[0]!.id, 'new-device', 3],
    ]);
    expect(out[0]).toMatchObject({ caseId, actor: events[1]!.actor, at: events[1]!.at, payload: { caseNo: 'TJ03A-20261125-0001X' } });
    expect(events[0]!.deviceId).not.toBe('new-device');
  });

  it('carries the data only to the same hall, and pending events only to the same window', () => {
    const old = { deviceId: 'a', deviceCode: 'TJ03A', hallId: 'TJ', counterNo: 3, scope: 'hall' as const, hubUrl: 'h', deviceName: 'n', enrolledAt: '' };
    expect(enrollmentMismatch(old, { ...old, deviceId: 'b', deviceCode: 'TJ03B' }, 5)).toBeNull();
    expect(enrollmentMismatch(old, { ...old, deviceId: 'b', deviceCode: 'TJ04A', counterNo: 4 }, 0)).toBeNull();
    expect(enrollmentMismatch(old, { ...old, deviceId: 'b', deviceCode: 'TJ04A', counterNo: 4 }, 2)).toContain('还有 2 条记录未上传：须用原窗口（3 号）的注册码重新注册。请管理员吊销刚注册的设备 TJ04A');
    expect(enrollmentMismatch(old, { ...old, deviceId: 'b', deviceCode: 'BJ03A', hallId: 'BJ' }, 0)).toContain('重新注册须用同一营业厅的注册码');
  });
});
