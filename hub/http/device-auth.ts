// Device signatures (PROTOCOL.md, Device signature), for HTTP requests and the socket handshake.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { importPublicKey, verify, type Ed25519Key } from '../../shared/crypto/ed25519';
import { MAX_CLOCK_SKEW_MS, handshakeSigningString, requestSigningString } from '../../shared/protocol/wire';
import type { Clock } from '../domain/time';
import type { DeviceTable, HubDatabase } from '../store/schema';

export type AuthFailure = { code: 'DEVICE_UNKNOWN' | 'DEVICE_REVOKED' | 'CLOCK_SKEW' | 'BAD_SIGNATURE'; message: string };
export type AuthResult = { ok: true; device: DeviceTable } | { ok: false; error: AuthFailure };

const fail = (code: AuthFailure['code'], message: string): AuthResult => ({ ok: false, error: { code, message } });

export class DeviceAuth {
  private keys = new Map<string, Promise<Ed25519Key | null>>();
  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly clock: Clock,
  ) {}

  private key(publicKey: string): Promise<Ed25519Key | null> {
    let k = this.keys.get(publicKey);
    if (!k) {
      k = importPublicKey(publicKey);
      this.keys.set(publicKey, k);
    }
    return k;
  }

  /** Checks in PROTOCOL.md's order of refusals: who, revoked, clock, signature. */
  async check(deviceId: unknown, timestamp: unknown, signature: unknown, message: (ts: string) => string): Promise<AuthResult> {
    if (typeof deviceId !== 'string' || !/^[0-9a-f-]{36}$/i.test(deviceId)) return fail('DEVICE_UNKNOWN', '设备未注册');
    const device = await this.db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    if (!device) return fail('DEVICE_UNKNOWN', '设备未注册');
    if (device.revoked_at) return fail('DEVICE_REVOKED', '设备已被吊销，请联系管理员重新注册');
    const ts = typeof timestamp === 'string' && /^\d{1,16}$/.test(timestamp) ? timestamp : null;
    if (!ts || Math.abs(Number(ts) - this.clock.now()) > MAX_CLOCK_SKEW_MS) {
      return fail('CLOCK_SKEW', '本机时间与中心相差超过 5 分钟，请校准时间');
    }
    const key = await this.key(device.public_key);
    if (!key || typeof signature !== 'string' || !(await verify(key, message(ts), signature))) {
      return fail('BAD_SIGNATURE', '设备签名无效');
    }
    return { ok: true, device };
  }

  http(headers: Record<string, unknown>, method: string, url: string, body: Buffer | string | undefined): Promise<AuthResult> {
    const bodyHash = createHash('sha256').update(body ?? '').digest('hex');
    return this.check(headers['x-device-id'], headers['x-timestamp'], headers['x-signature'], (ts) => requestSigningString(method, url, ts, bodyHash));
  }

  handshake(auth: Record<string, unknown> | undefined): Promise<AuthResult> {
    const deviceId = auth?.deviceId;
    return this.check(deviceId, auth?.timestamp, auth?.signature, (ts) => handshakeSigningString(String(deviceId), ts));
  }
}
