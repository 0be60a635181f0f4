// Devices: one-time enrollment codes, enrollment, revocation (PROTOCOL.md, POST /api/v1/enroll).
import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { parseDeviceCode } from '../../shared/case-number';
import type { Scope } from '../../shared/protocol/primitives';
import type { EnrollRequest, EnrollResponse } from '../../shared/protocol/wire';
import type { DeviceTable, HubDatabase } from '../store/schema';
import { HubInputError } from './staff';
import { isoNow, systemClock, type Clock } from './time';

export const CODE_TTL_MS = 7 * 24 * 3600_000;
// No 0/O, 1/I/L: a technician reads the code off paper.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const hashCode = (code: string): string =>
  createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');

export async function createEnrollCode(
  db: Kysely<HubDatabase>,
  opts: { hallId: string; counterNo: number; scope: Scope; ttlMs?: number },
  clock: Clock = systemClock,
): Promise<{ code: string; expiresAt: string }> {
  if (!Number.isInteger(opts.counterNo) || opts.counterNo < 1 || opts.counterNo > 99) {
    throw new HubInputError('INVALID_REQUEST', '窗口号须为 1 至 99 的整数');
  }
  const hall = await db.selectFrom('halls').select('hall_id').where('hall_id', '=', opts.hallId).executeTakeFirst();
  if (!hall) throw new HubInputError('NOT_FOUND', `营业厅 ${opts.hallId} 不存在`);
  let raw = '';
  for (let i = 0; i < 12; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  const expiresAt = new Date(clock.now() + (opts.ttlMs ?? CODE_TTL_MS)).toISOString();
  await db
    .insertInto('enroll_codes')
    .values({ code_hash: hashCode(code), hall_id: opts.hallId, counter_no: opts.counterNo, scope: opts.scope, created_at: isoNow(clock), expires_at: expiresAt, used_at: null, device_id: null })
    .execute();
  return { code, expiresAt };
}

const nextGeneration = (codes: string[]): string => {
  const used = codes.map((c) => c.charCodeAt(c.length - 1) - 65).filter((n) => n >= 0 && n < 26);
  const next = used.length ? Math.max(...used) + 1 : 0;
  if (next > 25) throw new HubInputError('INVALID_REQUEST', '该窗口的设备代次已用尽（A–Z）');
  return String.fromCharCode(65 + next);
};

export async function enroll(db: Kysely<HubDatabase>, req: EnrollRequest, clock: Clock = systemClock): Promise<EnrollResponse> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('enroll_codes').selectAll().where('code_hash', '=', hashCode(req.code)).executeTakeFirst();
    if (!row) throw new HubInputError('CODE_UNKNOWN', '注册码不存在，请核对后重新输入');
    if (row.used_at) throw new HubInputError('CODE_USED', '注册码已被使用，请向管理员申请新的注册码');
    if (Date.parse(row.expires_at) < clock.now()) throw new HubInputError('CODE_EXPIRED', '注册码已过期，请向管理员申请新的注册码');
    // Mark used first, conditionally: two devices racing with one code cannot both win.
    const claimed = await trx.updateTable('enroll_codes').set({ used_at: isoNow(clock) }).where('code_hash', '=', row.code_hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new HubInputError('CODE_USED', '注册码已被使用，请向管理员申请新的注册码');
    const prefix = `${row.hall_id}${String(row.counter_no).padStart(2, '0')}`;
    const earlier = await trx.selectFrom('devices').select('device_code').where('hall_id', '=', row.hall_id).where('counter_no', '=', row.counter_no).execute();
    const deviceCode = `${prefix}${nextGeneration(earlier.map((d) => d.device_code))}`;
    const device: DeviceTable = {
      device_id: uuidv7(),
      device_code: deviceCode,
      hall_id: row.hall_id,
      counter_no: row.counter_no,
      scope: row.scope,
      public_key: req.publicKey,
      name: req.deviceName,
      app_version: req.appVersion,
      enrolled_at: isoNow(clock),
      revoked_at: null,
      last_seq: 0,
      last_seen_at: null,
    };
    await trx.insertInto('devices').values(device).execute();
    await trx.updateTable('enroll_codes').set({ device_id: device.device_id }).where('code_hash', '=', row.code_hash).execute();
    return { deviceId: device.device_id, deviceCode, hallId: row.hall_id, counterNo: row.counter_no, scope: row.scope };
  });
}

export async function revokeDevice(db: Kysely<HubDatabase>, deviceId: string, clock: Clock = systemClock): Promise<DeviceTable> {
  const row = await db.selectFrom('devices').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
  if (!row) throw new HubInputError('DEVICE_UNKNOWN', `设备 ${deviceId} 不存在`);
  if (!row.revoked_at) await db.updateTable('devices').set({ revoked_at: isoNow(clock) }).where('device_id', '=', deviceId).execute();
  return { ...row, revoked_at: row.revoked_at ?? isoNow(clock) };
}

/**
 * May a device push a new case whose number carries `numberDeviceCode`? Its own code, or an EARLIER
 * generation of the same hall and counter: a counter re-enrolled after a revoke (TJ03A, then TJ03B)
 * still pushes the cases it numbered offline under its old code. DUPLICATE_CASE_NO still guards
 * uniqueness, and a later generation (or another counter's code) stays refused.
 */
export function caseNoDeviceAllowed(numberDeviceCode: string, pushingDeviceCode: string): boolean {
  if (numberDeviceCode === pushingDeviceCode) return true;
  const number = parseDeviceCode(numberDeviceCode);
  const pushing = parseDeviceCode(pushingDeviceCode);
  if (!number.ok || !pushing.ok) return false;
  return (
    number.value.hallId === pushing.value.hallId &&
    number.value.counterNo === pushing.value.counterNo &&
    number.value.generation < pushing.value.generation
  );
}
