// The service catalog in the store: seeded from resources/catalog on first start, replaced by
// `import-catalog`, served with an ETag; items looked up by code for checks and certificates.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { parseCatalog, type Catalog, type Item } from '../../shared/catalog/item-schema';
import type { HubDatabase } from '../store/schema';
import { isoNow } from './time';

export const DEFAULT_CATALOG_FILE = new URL('../../resources/catalog/catalog.json', import.meta.url);

export function readCatalogFile(file: string | URL): Catalog {
  const parsed = parseCatalog(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

export async function importCatalog(db: Kysely<HubDatabase>, catalog: Catalog): Promise<{ version: string; etag: string; items: number }> {
  const body = JSON.stringify(catalog);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const row = { id: 1, version: catalog.version, etag, body, updated_at: isoNow() };
  await db
    .insertInto('catalog')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ version: row.version, etag, body, updated_at: row.updated_at }))
    .execute();
  return { version: catalog.version, etag, items: catalog.items.length };
}

export class CatalogService {
  private cached: { etag: string; body: string; items: Map<string, Item> } | null = null;
  private checkedAt = 0;
  constructor(private readonly db: Kysely<HubDatabase>) {}

  /** The catalog as stored; re-read when another process imported a new one (checked each few s). */
  async current(): Promise<{ etag: string; body: string; items: Map<string, Item> }> {
    if (this.cached && Date.now() - this.checkedAt < 3000) return this.cached;
    const head = await this.db.selectFrom('catalog').select('etag').where('id', '=', 1).executeTakeFirst();
    if (!head) throw new Error('目录尚未导入');
    if (this.cached?.etag !== head.etag) {
      const row = await this.db.selectFrom('catalog').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
      const catalog = JSON.parse(row.body) as Catalog;
      this.cached = { etag: row.etag, body: row.body, items: new Map(catalog.items.map((i) => [i.code, i])) };
    }
    this.checkedAt = Date.now();
    return this.cached;
  }

  async item(code: string): Promise<Item | undefined> {
    return (await this.current()).items.get(code);
  }
}
