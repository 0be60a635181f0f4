// Reads of the cases table through its indexes, straight from IndexedDB. Inside a live query,
// Dexie records every primary key a read returns so it can tell which writes matter; for the
// thousands of keys of a deadline filter that bookkeeping costs more than the read. These reads
// skip it: a live query that makes them re-runs on its own arguments (the list passes the version
// of its cases in memory, case-keys.ts), never on a write it did not see.
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
