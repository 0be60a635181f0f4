// Staff sessions: online login checks the password at the hub and caches the PBKDF2 verifier, so
// the same person can log in offline for a bounded time; the screen locks after inactivity.
import { checkOfflineVerifier } from '../../shared/crypto/pbkdf2';
import { LoginResponse, type Staff } from '../../shared/protocol/wire';
import { db } from './db';
import { HubError, hubFetch } from './device';

/** How long after the hub last confirmed a password it may be used offline. */
export const OFFLINE_LOGIN_DAYS = 7;
export const LOCK_AFTER_MS = 10 * 60 * 1000;

export interface Session {
  staff: Staff;
  mode: 'online' | 'offline';
  token?: string;
  startedAt: number;
}

export async function login(usernameInput: string, password: string, now = Date.now()): Promise<Session> {
  const username = usernameInput.trim().toLowerCase();
  if (!username || !password) throw new HubError('INVALID_REQUEST', '请输入用户名和密码');
  try {
    const res = await hubFetch('/api/v1/login', { method: 'POST', body: { username, password } });
    const body = LoginResponse.parse(await res.json());
    await db().staff.put({ username, staff: body.staff, verifier: body.offlineVerifier, verifiedAt: now });
    return { staff: body.staff, mode: 'online', token: body.token, startedAt: now };
  } catch (e) {
    if (!(e instanceof HubError) || e.code !== 'HUB_UNREACHABLE') throw e;
    return loginOffline(username, password, now);
  }
}

export async function loginOffline(username: string, password: string, now = Date.now()): Promise<Session> {
  const cached = await db().staff.get(username);
  if (!cached) throw new HubError('OFFLINE_NO_CACHE', '中心无法连接，且该账号从未在本机在线登录过，无法离线登录');
  if (now - cached.verifiedAt > OFFLINE_LOGIN_DAYS * 86_400_000) {
    throw new HubError('OFFLINE_EXPIRED', `离线登录仅在最近一次在线登录后 ${OFFLINE_LOGIN_DAYS} 天内有效，请联网后登录`);
  }
  if (!(await checkOfflineVerifier(cached.verifier, password))) throw new HubError('BAD_CREDENTIALS', '用户名或密码错误');
  return { staff: cached.staff, mode: 'offline', startedAt: now };
}

/** Unlocking asks the same person's password again, checked locally (works offline). */
export async function unlock(session: Session, password: string): Promise<boolean> {
  const cached = await db().staff.toArray().then((rows) => rows.find((r) => r.staff.staffId === session.staff.staffId));
  return !!cached && (await checkOfflineVerifier(cached.verifier, password));
}
