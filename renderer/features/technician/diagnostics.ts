// Gathering the diagnostics of this machine: the hub (reachable, version, clock), the device, the
// app and its signature, the outbox, storage, camera and printer. Each part that fails says so in
// the report instead of stopping the rest.
import { hallName } from '../../../shared/halls';
import { EVENT_LABELS } from '../../../shared/protocol/events';
import type { SyncStatus } from '../../../shared/sync';
import { db } from '../../data/db';
import { deviceIdentity } from '../../data/device';
import { onSyncStatus } from '../../data/sync-client';
import { platform } from '../../platform/platform';
import { previousDevices } from '../enroll/reenroll-store';
import { listCameras } from '../settings/camera';
import type { Diagnostics } from './report';

async function probeHub(url: string): Promise<Pick<Diagnostics, 'hub' | 'clockSkewMs'> & { sentAt: number; receivedAt: number; date: string | null }> {
  const sentAt = Date.now();
  if (!url) return { hub: { url, reachable: false, version: null, error: '未设置中心地址', roundTripMs: null }, clockSkewMs: null, sentAt, receivedAt: sentAt, date: null };
  try {
    const res = await fetch(`${url}/healthz`, { cache: 'no-store' });
    const receivedAt = Date.now();
    const body = (await res.json().catch(() => null)) as { version?: unknown } | null;
    const version = typeof body?.version === 'string' ? body.version : null;
    return {
      hub: { url, reachable: res.ok, version, error: res.ok ? null : `中心返回 ${res.status}`, roundTripMs: receivedAt - sentAt },
      clockSkewMs: null,
      sentAt,
      receivedAt,
      date: res.headers.get('date'),
    };
  } catch {
    return { hub: { url, reachable: false, version: null, error: '网络不通或地址错误', roundTripMs: null }, clockSkewMs: null, sentAt, receivedAt: Date.now(), date: null };
  }
}

const currentSync = () => new Promise<SyncStatus>((resolve) => onSyncStatus((s) => resolve(s))());

export async function gatherDiagnostics(clockSkew: (sentAt: number, receivedAt: number, date: string | null) => number | null): Promise<Diagnostics> {
  const bridge = platform();
  const [identity, settings, info, caps] = await Promise.all([deviceIdentity(), bridge.getSettings(), bridge.appInfo(), bridge.capabilities()]);
  const hubUrl = identity?.hubUrl ?? settings.hubUrl;
  const probe = await probeHub(hubUrl);
  const d = db();
  const [pending, refused, oldestRow, previous, sync] = await Promise.all([
    d.outbox.where('state').equals('pending').count(),
    d.outbox.where('state').equals('rejected').count(),
    d.outbox.where('[state+deviceSeq]').between(['pending', -Infinity], ['pending', Infinity]).first(),
    previousDevices(),
    currentSync(),
  ]);
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  const cameras = await listCameras().catch(() => []);
  const printers = caps.listPrinters ? await bridge.printers().catch(() => []) : [];
  return {
    takenAt: new Date().toISOString(),
    hub: probe.hub,
    clockSkewMs: probe.hub.reachable ? clockSkew(probe.sentAt, probe.receivedAt, probe.date) : null,
    device: identity
      ? { ...identity, hallName: hallName(identity.hallId), previous: previous.map((p) => p.deviceCode) }
      : null,
    app: info,
    sync: { online: sync.online, lastSyncAt: sync.lastSyncAt, lastError: sync.lastError?.message ?? null },
    outbox: { pending, refused, oldest: oldestRow ? { at: oldestRow.event.at, what: EVENT_LABELS[oldestRow.event.type] ?? oldestRow.event.type } : null },
    storage: { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null },
    camera: {
      found: cameras.map((c, i) => c.label || `摄像头 ${i + 1}`),
      configured: settings.cameraDeviceId,
      configuredFound: !settings.cameraDeviceId || cameras.some((c) => c.deviceId === settings.cameraDeviceId),
    },
    printer: {
      canList: caps.listPrinters,
      found: printers,
      configured: settings.printer,
      configuredFound: caps.listPrinters ? !settings.printer || printers.some((p) => p.name === settings.printer) : null,
    },
  };
}
