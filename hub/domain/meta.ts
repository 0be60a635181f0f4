// Small key-value settings kept in the store, shared by every hub process (secrets, versions).
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../store/schema';

export async function getMeta(db: Kysely<HubDatabase>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setMeta(db: Kysely<HubDatabase>, key: string, value: string): Promise<void> {
  await db
    .insertInto('meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** A secret made once and shared by every process: the first writer wins, the others read it. */
export async function sharedSecret(db: Kysely<HubDatabase>, key: string): Promise<string> {
  const existing = await getMeta(db, key);
  if (existing) return existing;
  await db
    .insertInto('meta')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await getMeta(db, key)) as string;
}
