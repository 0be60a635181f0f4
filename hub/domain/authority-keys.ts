// The issuing authorities' Ed25519 keys: made on first start (one per hall), kept in the store so
// every hub process signs with the same key, rotated by command; retired keys still verify.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  exportPrivateKeyPkcs8,
  exportPublicKey,
  generateSigningKeyPair,
  importPrivateKeyPkcs8,
  type Ed25519Key,
} from '../../shared/crypto/ed25519';
import type { AuthorityKey } from '../../shared/protocol/wire';
import type { AuthorityKeyTable, HubDatabase } from '../store/schema';
import { isoNow } from './time';

export async function createAuthorityKey(db: Kysely<HubDatabase>, hallId: string, authority: string, pkcs8?: string): Promise<AuthorityKeyTable> {
  let privateKey: string;
  let publicKey: string;
  if (pkcs8) {
    const key = await importPrivateKeyPkcs8(pkcs8, true);
    if (!key) throw new Error('给定的私钥不是有效的 Ed25519 PKCS#8 密钥');
    const { createPrivateKey, createPublicKey } = await import('node:crypto');
    const pub = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8, 'base64url'), format: 'der', type: 'pkcs8' }));
    publicKey = (pub.export({ format: 'jwk' }).x as string) ?? '';
    privateKey = pkcs8;
  } else {
    const pair = await generateSigningKeyPair(true);
    privateKey = await exportPrivateKeyPkcs8(pair.privateKey);
    publicKey = await exportPublicKey(pair.publicKey);
  }
  const now = isoNow();
  const row: AuthorityKeyTable = {
    key_id: `${hallId}-${now.slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`,
    hall_id: hallId,
    authority,
    public_key: publicKey,
    private_key: privateKey,
    created_at: now,
    retired_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('authority_keys').set({ retired_at: now }).where('hall_id', '=', hallId).where('retired_at', 'is', null).execute();
    await trx.insertInto('authority_keys').values(row).execute();
  });
  return row;
}

/** Makes a key for every hall that has none yet. */
export async function ensureAuthorityKeys(db: Kysely<HubDatabase>): Promise<void> {
  const halls = await db.selectFrom('halls').selectAll().execute();
  for (const hall of halls) {
    const has = await db.selectFrom('authority_keys').select('key_id').where('hall_id', '=', hall.hall_id).where('retired_at', 'is', null).executeTakeFirst();
    if (!has) await createAuthorityKey(db, hall.hall_id, hall.authority);
  }
}

export async function publicKeys(db: Kysely<HubDatabase>): Promise<AuthorityKey[]> {
  const rows = await db.selectFrom('authority_keys').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({
    keyId: r.key_id,
    authority: r.authority,
    hallId: r.hall_id,
    alg: 'Ed25519' as const,
    publicKey: r.public_key,
    createdAt: r.created_at,
    retiredAt: r.retired_at,
  }));
}

/** The signing keys, imported once per key id (WebCrypto import is not free). */
export class SigningKeys {
  private cache = new Map<string, Promise<Ed25519Key | null>>();
  constructor(private readonly db: Kysely<HubDatabase>) {}
  /** Pass the open transaction when inside one: SQLite has one connection, and it is taken. */
  async current(hallId: string, db: Kysely<HubDatabase> = this.db): Promise<{ keyId: string; key: Ed25519Key } | null> {
    const row = await db
      .selectFrom('authority_keys')
      .select(['key_id', 'private_key'])
      .where('hall_id', '=', hallId)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    let key = this.cache.get(row.key_id);
    if (!key) {
      key = importPrivateKeyPkcs8(row.private_key);
      this.cache.set(row.key_id, key);
    }
    const k = await key;
    return k ? { keyId: row.key_id, key: k } : null;
  }
}
