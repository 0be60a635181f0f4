// This machine as a device of the hub: its non-extractable Ed25519 key in IndexedDB, enrollment
// with a one-time code, and signed requests (PROTOCOL.md, Device signature).
import { exportPublicKey, generateSigningKeyPair, sign } from '../../shared/crypto/ed25519';
import { deviceRequestHeaders } from '../../shared/protocol/device-signature';
import { EnrollResponse, type ErrorBody } from '../../shared/protocol/wire';
import { ERROR_CODES } from '../../shared/protocol/codes';
import { db, getMeta, setMeta, type DeviceIdentity } from './db';

export class HubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
  ) {
    super(message);
  }
}

/** The hub address as a clerk types it: scheme added, trailing slash dropped. */
export function normalizeHubUrl(input: string): string {
  let url = input.trim();
  if (!/^https?:\/\//i.test(url)) url = `http://${url}`;
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export async function deviceIdentity(): Promise<DeviceIdentity | undefined> {
  return getMeta<DeviceIdentity>('device');
}

async function readError(res: Response): Promise<HubError> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  const code = body?.error?.code ?? 'HUB_ERROR';
  return new HubError(code, body?.error?.message ?? ERROR_CODES[code as keyof typeof ERROR_CODES] ?? `中心返回错误（${res.status}）`, res.status);
}

export async function enrollDevice(hubInput: string, code: string, deviceName: string, appVersion: string): Promise<DeviceIdentity> {
  if (!crypto?.subtle) throw new HubError('INSECURE_CONTEXT', '当前页面不是安全环境，无法生成设备密钥：请通过 HTTPS 或本机地址访问中心');
  const hubUrl = normalizeHubUrl(hubInput);
  const pair = await generateSigningKeyPair(false);
  let res: Response;
  try {
    res = await fetch(`${hubUrl}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim(), publicKey: await exportPublicKey(pair.publicKey), deviceName, appVersion }),
    });
  } catch {
    throw new HubError('HUB_UNREACHABLE', `无法连接中心 ${hubUrl}，请检查地址与网络`);
  }
  if (!res.ok) throw await readError(res);
  const info = EnrollResponse.parse(await res.json());
  const identity: DeviceIdentity = { ...info, hubUrl, deviceName, enrolledAt: new Date().toISOString() };
  const d = db();
  await d.transaction('rw', [d.keys, d.meta], async () => {
    await d.keys.put({ id: 'device', publicKey: pair.publicKey, privateKey: pair.privateKey });
    await setMeta('device', identity);
  });
  return identity;
}

export async function deviceSigner(): Promise<(message: string) => Promise<string>> {
  const pair = await db().keys.get('device');
  if (!pair) throw new HubError('DEVICE_UNKNOWN', '本机尚未注册');
  return (message) => sign(pair.privateKey, message);
}

/** A device-signed request to the hub; throws HubError with the hub's code, or HUB_UNREACHABLE. */
export async function hubFetch(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
  const identity = await deviceIdentity();
  if (!identity) throw new HubError('DEVICE_UNKNOWN', '本机尚未注册');
  const method = init.method ?? 'GET';
  const raw = init.body === undefined ? '' : JSON.stringify(init.body);
  const signed = await deviceRequestHeaders(identity.deviceId, await deviceSigner(), method, path, raw);
  let res: Response;
  try {
    res = await fetch(`${identity.hubUrl}${path}`, {
      method,
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
        ...signed,
      },
      ...(init.body !== undefined ? { body: raw } : {}),
    });
  } catch {
    throw new HubError('HUB_UNREACHABLE', '无法连接中心，请检查网络');
  }
  if (!res.ok && res.status !== 304) throw await readError(res);
  return res;
}
