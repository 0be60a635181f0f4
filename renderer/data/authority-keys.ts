// The issuing authorities' public keys, kept on this counter so it can verify certificates offline.
import { KeysResponse, type AuthorityKey } from '../../shared/protocol/wire';
import { getMeta, setMeta } from './db';
import { hubFetch } from './device';

const KEY = 'authorityKeys';

interface StoredKeys {
  keys: AuthorityKey[];
  fetchedAt: string;
}

/** Fetches the keys from the hub and keeps them; keys once known are kept even if the hub drops them. */
export async function refreshAuthorityKeys(): Promise<AuthorityKey[]> {
  const res = await hubFetch('/api/v1/keys');
  const parsed = KeysResponse.safeParse(await res.json());
  if (!parsed.success) throw new Error('中心返回的发证机关公钥格式不对');
  const known = new Map((await localAuthorityKeys()).map((k) => [k.keyId, k]));
  for (const k of parsed.data.keys) known.set(k.keyId, k);
  const keys = [...known.values()];
  await setMeta(KEY, { keys, fetchedAt: new Date().toISOString() } satisfies StoredKeys);
  return keys;
}

export async function localAuthorityKeys(): Promise<AuthorityKey[]> {
  return (await getMeta<StoredKeys>(KEY))?.keys ?? [];
}

export async function authorityKeysFetchedAt(): Promise<string | null> {
  return (await getMeta<StoredKeys>(KEY))?.fetchedAt ?? null;
}
