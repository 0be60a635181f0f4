// Staff: scrypt password hashes, short-lived HMAC tokens, the PBKDF2 offline verifier, and the
// principal the permission table checks.
import { createHmac, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely } from 'kysely';
import type { Principal } from '../../shared/case/permissions';
import { makeOfflineVerifier, type OfflineVerifier } from '../../shared/crypto/pbkdf2';
import { Role, type Role as RoleT, type Scope } from '../../shared/protocol/primitives';
import type { Staff } from '../../shared/protocol/wire';
import type { HubDatabase, StaffTable } from '../store/schema';
import { sharedSecret } from './meta';
import { isoNow } from './time';

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
export const TOKEN_TTL_MS = 8 * 60 * 60 * 1000;
/** PBKDF2 rounds for the offline verifier: slow enough to resist guessing a stolen verifier. */
export const OFFLINE_ITERATIONS = 210_000;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password.normalize('NFC'), salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export async function checkPassword(stored: string, password: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export function toStaff(row: StaffTable): Staff {
  return { staffId: row.staff_id, name: row.name, hallId: row.hall_id, roles: parseRoles(row.roles) };
}

function parseRoles(json: string): RoleT[] {
  const list = JSON.parse(json) as unknown[];
  return list.filter((r): r is RoleT => Role.safeParse(r).success);
}

export interface NewStaff {
  username: string;
  name: string;
  hallId: string;
  roles: RoleT[];
  password: string;
}

export async function addStaff(db: Kysely<HubDatabase>, s: NewStaff): Promise<Staff> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(s.username)) throw new HubInputError('INVALID_REQUEST', '用户名只能用小写字母、数字、点、下划线和连字符，2 至 64 位');
  if (s.password.length < 8) throw new HubInputError('INVALID_REQUEST', '密码至少 8 位');
  if (s.roles.length === 0) throw new HubInputError('INVALID_REQUEST', '至少指定一个岗位');
  const hall = await db.selectFrom('halls').select('hall_id').where('hall_id', '=', s.hallId).executeTakeFirst();
  if (!hall) throw new HubInputError('NOT_FOUND', `营业厅 ${s.hallId} 不存在`);
  const taken = await db.selectFrom('staff').select('staff_id').where('username', '=', s.username).executeTakeFirst();
  if (taken) throw new HubInputError('INVALID_REQUEST', `用户名 ${s.username} 已被使用`);
  const row: StaffTable = {
    staff_id: randomUUID(),
    username: s.username,
    name: s.name,
    hall_id: s.hallId,
    roles: JSON.stringify([...new Set(s.roles)]),
    password_hash: await hashPassword(s.password),
    created_at: isoNow(),
    disabled_at: null,
  };
  await db.insertInto('staff').values(row).execute();
  return toStaff(row);
}

export class HubInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TokenClaims {
  staffId: string;
  deviceId: string;
  exp: number;
}

export class Tokens {
  private constructor(private readonly key: Buffer) {}
  static async open(db: Kysely<HubDatabase>): Promise<Tokens> {
    return new Tokens(Buffer.from(await sharedSecret(db, 'token-secret'), 'base64url'));
  }
  issue(claims: Omit<TokenClaims, 'exp'>, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ ...claims, exp: now + TOKEN_TTL_MS })).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }
  check(token: string, now = Date.now()): TokenClaims | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims;
      return claims.exp > now ? claims : null;
    } catch {
      return null;
    }
  }
  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

export async function offlineVerifierFor(password: string): Promise<OfflineVerifier> {
  return makeOfflineVerifier(password, OFFLINE_ITERATIONS);
}

/**
 * Staff as principals for the permission table, cached briefly: a push of 500 events asks for
 * the same few people again and again. A disabled account stops working within the TTL.
 */
export class Principals {
  private cache = new Map<string, { staff: Staff | null; at: number }>();
  constructor(
    private readonly db: Kysely<HubDatabase>,
    private readonly ttlMs = 10_000,
  ) {}
  async staff(staffId: string): Promise<Staff | null> {
    const hit = this.cache.get(staffId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.staff;
    const row = await this.db.selectFrom('staff').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
    const staff = row && !row.disabled_at ? toStaff(row) : null;
    this.cache.set(staffId, { staff, at: Date.now() });
    return staff;
  }
  async principal(staffId: string, scope: Scope): Promise<Principal | null> {
    const s = await this.staff(staffId);
    return s ? { staffId: s.staffId, hallId: s.hallId, roles: s.roles, scope } : null;
  }
  forget(): void {
    this.cache.clear();
  }
}
