// The hub's settings for video consultation, from its environment: STUN and TURN servers (TURN with
// time-limited credentials, coturn's "TURN REST API" scheme), the recording switch, the ring time.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { RING_SECONDS, type IceServer } from '../../shared/consult/messages';

export interface ConsultConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn's `static-auth-secret`; null when no TURN server is configured. */
  turnSecret: string | null;
  /** How long a minted TURN credential stays valid (a counter asks for fresh ones before each call). */
  turnTtlSeconds: number;
  /** `relay` sends all media through TURN (for halls whose network allows nothing else). */
  iceTransportPolicy: 'all' | 'relay';
  /** The admin setting; video is recorded only when this AND the applicant's consent allow it. */
  recordingAllowed: boolean;
  ringSeconds: number;
}

export class ConsultConfigError extends Error {}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function urls(name: string, value: string | undefined, scheme: 'stun' | 'turn'): string[] {
  const out = list(value);
  const example =
    scheme === 'stun'
      ? 'stun:turn.example.gov.cn:3478'
      : 'turn:turn.example.gov.cn:3478?transport=udp';
  for (const u of out) {
    if (!u.startsWith(`${scheme}:`) && !u.startsWith(`${scheme}s:`))
      throw new ConsultConfigError(
        `${name} 中的地址“${u}”格式不对：应以 ${scheme}: 或 ${scheme}s: 开头，如 ${example}`,
      );
  }
  return out;
}

function whole(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConsultConfigError(`${name} 应为 ${min} 至 ${max} 之间的整数，现为“${value}”`);
  return n;
}

/**
 * Reads HUB_STUN_URLS, HUB_TURN_URLS (comma-separated), HUB_TURN_SECRET or HUB_TURN_SECRET_FILE,
 * HUB_TURN_TTL_SECONDS, HUB_ICE_TRANSPORT_POLICY (all | relay), HUB_CONSULT_RECORDING
 * (allowed | off) and HUB_CONSULT_RING_SECONDS. A bad value stops the hub with a clear message.
 */
export function consultConfigFromEnv(env: NodeJS.ProcessEnv): ConsultConfig {
  const stunUrls = urls('HUB_STUN_URLS', env.HUB_STUN_URLS, 'stun');
  const turnUrls = urls('HUB_TURN_URLS', env.HUB_TURN_URLS, 'turn');
  let turnSecret = env.HUB_TURN_SECRET?.trim() || null;
  if (!turnSecret && env.HUB_TURN_SECRET_FILE) {
    try {
      turnSecret = readFileSync(env.HUB_TURN_SECRET_FILE, 'utf8').trim() || null;
    } catch (e) {
      throw new ConsultConfigError(
        `无法读取 HUB_TURN_SECRET_FILE（${env.HUB_TURN_SECRET_FILE}）：${(e as Error).message}`,
      );
    }
  }
  if (turnUrls.length && !turnSecret)
    throw new ConsultConfigError(
      '配置了 HUB_TURN_URLS，但没有 HUB_TURN_SECRET（或 HUB_TURN_SECRET_FILE）：须与 coturn 的 static-auth-secret 相同',
    );
  const policy = (env.HUB_ICE_TRANSPORT_POLICY ?? 'all').trim() || 'all';
  if (policy !== 'all' && policy !== 'relay')
    throw new ConsultConfigError(`HUB_ICE_TRANSPORT_POLICY 只能是 all 或 relay，现为“${policy}”`);
  if (policy === 'relay' && !turnUrls.length)
    throw new ConsultConfigError('HUB_ICE_TRANSPORT_POLICY=relay 需要同时配置 HUB_TURN_URLS');
  const recording = (env.HUB_CONSULT_RECORDING ?? 'off').trim() || 'off';
  if (recording !== 'allowed' && recording !== 'off')
    throw new ConsultConfigError(`HUB_CONSULT_RECORDING 只能是 allowed 或 off，现为“${recording}”`);
  return {
    stunUrls,
    turnUrls,
    turnSecret,
    turnTtlSeconds: whole(
      'HUB_TURN_TTL_SECONDS',
      env.HUB_TURN_TTL_SECONDS,
      4 * 3600,
      60,
      7 * 86_400,
    ),
    iceTransportPolicy: policy,
    recordingAllowed: recording === 'allowed',
    ringSeconds: whole(
      'HUB_CONSULT_RING_SECONDS',
      env.HUB_CONSULT_RING_SECONDS,
      RING_SECONDS,
      5,
      600,
    ),
  };
}

/** coturn's TURN REST API credential: base64(HMAC-SHA1(secret, username)). */
export function turnCredential(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/**
 * The ICE servers for one device now: STUN as configured, TURN with a username "expiry:id"
 * (expiry in Unix seconds) and its credential, so coturn accepts it until it expires.
 */
export function iceServersFor(config: ConsultConfig, id: string, nowMs: number): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length) servers.push({ urls: config.stunUrls });
  if (config.turnUrls.length && config.turnSecret) {
    const username = `${Math.floor(nowMs / 1000) + config.turnTtlSeconds}:${id}`;
    servers.push({
      urls: config.turnUrls,
      username,
      credential: turnCredential(config.turnSecret, username),
    });
  }
  return servers;
}
