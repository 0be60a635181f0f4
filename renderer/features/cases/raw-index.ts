// Reads of the cases table through its indexes, straight from IndexedDB. Inside a live query,
// Dexie records every primary key a read returns so it can tell which writes matter; for the
// 200,000 keys of a full list that bookkeeping costs seconds. These reads skip it, and callers
// subscribe to the table once with `watchCases` instead: any write to a case re-runs the query.
import { db, type CaseRow } from '../../data/db';

/** The highest string Dexie's startsWith uses as the end of a prefix range. */
const MAX_CHAR = String.fromCharCode(65535);

export const prefixRange = (prefix: string): IDBKeyRange => IDBKeyRange.bound(prefix, prefix + MAX_CHAR, false, false);
export const exactRange = (value: string): IDBKeyRange => IDBKeyRange.only(value);

async function store(): Promise<IDBObjectStore> {
  const d = db();
  if (!d.isOpen()) await d.open();
  return d.backendDB().transaction('cases', 'readonly').objectStore('cases');
}

function request<T>(req: IDBRequest): Promise<T> {
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

/** Makes the live query that calls it re-run on any write to the cases table (one cheap count). */
export async function watchCases(): Promise<void> {
  await db().cases.count();
}
