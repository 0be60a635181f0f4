// Reads of the cases table through its indexes, straight from IndexedDB. Inside a live query,
// Dexie records every primary key a read returns so it can tell which writes matter; for the
// thousands of keys of a deadline filter that bookkeeping costs more than the read. These reads
// skip it, and callers subscribe to the table once with `watchCases` instead: any write to a case
// re-runs the query.
import { db, type CaseRow } from '../../data/db';

export const exactRange = (value: string): IDBKeyRange => IDBKeyRange.only(value);

/** A read-only transaction over the store's tables, straight from IndexedDB (no Dexie bookkeeping). */
export async function readTransaction(tables: string[]): Promise<IDBTransaction> {
  const d = db();
  if (!d.isOpen()) await d.open();
  return d.backendDB().transaction(tables, 'readonly');
}

async function store(): Promise<IDBObjectStore> {
  return (await readTransaction(['cases'])).objectStore('cases');
}

export function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB read failed'));
  });
}

/** Case ids through `index` (in index order: by key, then by id), optionally within a range. */
export async function caseIdsByIndex(index: string, range?: IDBKeyRange): Promise<string[]> {
  return request<string[]>((await store()).index(index).getAllKeys(range));
}

/** Whole case rows through `index` within a range. */
export async function caseRowsByIndex(index: string, range: IDBKeyRange): Promise<CaseRow[]> {
  return request<CaseRow[]>((await store()).index(index).getAll(range));
}

/** The key of the list log's last record (0 when empty), read without Dexie's bookkeeping. */
async function lastLogSeq(): Promise<number> {
  const tx = await readTransaction(['caseKeys']);
  const cursor = await request<IDBCursor | null>(tx.objectStore('caseKeys').openKeyCursor(null, 'prev'));
  return (cursor?.key as number | undefined) ?? 0;
}

/**
 * Makes the live query that calls it re-run on any write to the cases table or the list log (a new
 * counter's case heads are written to the log alone). A row read over the whole range of cases:
 * Dexie then watches every key, and IndexedDB reads one row (a count would watch the same, but
 * Chromium counts by walking every row: a second and more at 200,000 cases). The log only grows at
 * its end, so a read past its last record watches every record to come and reads none. (Keys alone
 * would not do: Dexie watches a read of primary keys for deletions only.)
 */
export async function watchCases(): Promise<void> {
  const last = await lastLogSeq();
  await Promise.all([db().cases.limit(1).toArray(), db().caseKeys.where(':id').above(last).limit(1).toArray()]);
}
