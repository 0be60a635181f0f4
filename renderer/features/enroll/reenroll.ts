// Re-enrollment after a revoke, without losing unsynced events: enroll the machine anew, pull the
// hall's feed first (so events the hub already has are settled, not re-sent), then re-author what is
// still pending for the new device (reauthor.ts) while switching identity, in one local transaction.
// Storage and transport come in as interfaces: Dexie and socket.io in the app, memory in Node tests.
import { exportPublicKey, generateSigningKeyPair, sign } from '../../../shared/crypto/ed25519';
import { hallName } from '../../../shared/halls';
import type { Event } from '../../../shared/protocol/events';
import { ERROR_CODES } from '../../../shared/protocol/codes';
import { EnrollResponse, type ErrorBody } from '../../../shared/protocol/wire';
import { fail, ok, type Result } from '../../../shared/result';
import type { SyncStorage } from '../../../shared/sync/storage';
import type { SyncTransport } from '../../../shared/sync/transport';
import type { DeviceIdentity } from '../../data/db';

/** This machine as the hub knows it (renderer/data/db.ts keeps it in IndexedDB). */
export type Identity = DeviceIdentity;

/** An enrollment the hub made whose local switch has not happened yet (the catch-up pull failed). */
export interface StagedEnrollment {
  identity: Identity;
  keys: CryptoKeyPair;
}

export interface ReenrollStore {
  /** Our pending outbox events, lowest deviceSeq first. */
  pendingEvents(): Promise<Event[]>;
  sync: Pick<SyncStorage, 'getCursor' | 'applyPulled'>;
  staged(): Promise<StagedEnrollment | undefined>;
  stage(s: StagedEnrollment): Promise<void>;
  /**
   * In one unit of work: the new key and identity, the pending events re-authored for the new device
   * (reauthorEvents, over what is pending at that moment), the old identity kept.
   */
  commit(next: StagedEnrollment, previous: Identity): Promise<void>;
}

export interface ReenrollDeps {
  store: ReenrollStore;
  /** POST /api/v1/enroll; throws an Error whose message says why. */
  enroll(hubUrl: string, body: { code: string; publicKey: string; deviceName: string; appVersion: string }): Promise<EnrollResponse>;
  /** A transport for the new device, signing with its key. */
  transport(identity: Identity, sign: (m: string) => Promise<string>): SyncTransport;
  now?: () => Date;
  /** How long to wait for the hub to accept the new device's connection. */
  connectTimeoutMs?: number;
}

/** POST /api/v1/enroll (PROTOCOL.md); throws an Error with the hub's reason in words. */
export async function httpEnroll(hubUrl: string, body: { code: string; publicKey: string; deviceName: string; appVersion: string }): Promise<EnrollResponse> {
  let res: Response;
  try {
    res = await fetch(`${hubUrl}/api/v1/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error(`无法连接中心 ${hubUrl}，请检查地址与网络`);
  }
  if (!res.ok) {
    const err = ((await res.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new Error(err?.message ?? ERROR_CODES[err?.code as keyof typeof ERROR_CODES] ?? `中心返回错误（${res.status}）`);
  }
  return EnrollResponse.parse(await res.json());
}

const where = (i: Pick<Identity, 'hallId' | 'counterNo' | 'deviceCode'>) => `${hallName(i.hallId)} ${i.counterNo} 号窗口（${i.deviceCode}）`;

/** Why the new enrollment cannot carry this machine's data, or null when it can. */
export function enrollmentMismatch(old: Identity, next: EnrollResponse, pending: number): string | null {
  if (next.hallId !== old.hallId || next.scope !== old.scope) {
    return `新注册码属于${where(next)}，本机原为${where(old)}：重新注册须用同一营业厅的注册码。请管理员吊销刚注册的设备 ${next.deviceCode}，并发放${hallName(old.hallId)}的注册码`;
  }
  if (pending > 0 && next.counterNo !== old.counterNo) {
    return `新注册码属于${where(next)}，本机原为${where(old)}，还有 ${pending} 条记录未上传：须用原窗口（${old.counterNo} 号）的注册码重新注册。请管理员吊销刚注册的设备 ${next.deviceCode}，并发放 ${old.counterNo} 号窗口的注册码`;
  }
  return null;
}

/** Connects, pulls the feed from the stored cursor until caught up, disconnects. */
export async function catchUp(transport: SyncTransport, store: ReenrollStore['sync'], timeoutMs: number): Promise<Result<number>> {
  const connected = await new Promise<Result<null>>((resolve) => {
    const timer = setTimeout(() => resolve(fail('HUB_UNREACHABLE', '连接中心超时，请检查网络后重试')), timeoutMs);
    const off = transport.onStatus((s) => {
      if (s.connected) {
        clearTimeout(timer);
        off();
        resolve(ok(null));
      } else if (s.error && s.error.code !== 'HUB_UNREACHABLE') {
        clearTimeout(timer);
        off();
        resolve(fail(s.error.code, s.error.message));
      }
    });
    transport.connect();
    if (transport.isConnected()) {
      clearTimeout(timer);
      off();
      resolve(ok(null));
    }
  });
  if (!connected.ok) {
    transport.disconnect();
    return connected;
  }
  try {
    let pulled = 0;
    for (;;) {
      const page = await transport.pull({ cursor: await store.getCursor() });
      pulled += await store.applyPulled(page.events, page.cursor);
      if (!page.more) return ok(pulled);
    }
  } catch (err) {
    return fail('PULL_FAILED', `从中心下载办件失败：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    transport.disconnect();
  }
}

export interface ReenrollInput {
  hubUrl: string;
  code: string;
  deviceName: string;
  appVersion: string;
}

export async function reenroll(old: Identity, input: ReenrollInput, deps: ReenrollDeps): Promise<Result<Identity>> {
  const store = deps.store;
  let staged = await store.staged();
  if (!staged || staged.identity.hubUrl !== input.hubUrl) {
    const keys = await generateSigningKeyPair(false);
    let info: EnrollResponse;
    try {
      info = await deps.enroll(input.hubUrl, { code: input.code, publicKey: await exportPublicKey(keys.publicKey), deviceName: input.deviceName, appVersion: input.appVersion });
    } catch (err) {
      return fail('ENROLL_FAILED', err instanceof Error ? err.message : String(err));
    }
    const mismatch = enrollmentMismatch(old, info, (await store.pendingEvents()).length);
    if (mismatch) return fail('REENROLL_MISMATCH', mismatch);
    staged = { identity: { ...info, hubUrl: input.hubUrl, deviceName: input.deviceName, enrolledAt: (deps.now?.() ?? new Date()).toISOString() }, keys };
    // Kept before anything else can fail: the code is used up, a retry must not need another.
    await store.stage(staged);
  }
  const privateKey = staged.keys.privateKey;
  const pulled = await catchUp(deps.transport(staged.identity, (m) => sign(privateKey, m)), store.sync, deps.connectTimeoutMs ?? 15_000);
  if (!pulled.ok) {
    return fail(pulled.error.code, `已在中心注册为 ${staged.identity.deviceCode}，但${pulled.error.message}。本机数据未改动，恢复网络后再点“重新注册”即可继续，无需新的注册码`);
  }
  await store.commit(staged, old);
  return ok(staged.identity);
}
