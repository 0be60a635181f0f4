// Reads of the cases table through its indexes, straight from IndexedDB. Inside a live query,
// Dexie records every primary key a read returns so it can tell which writes matter; for the
// 200,000 keys of a full list that bookkeeping costs seconds. These reads skip it, and callers
// subscribe to the table once with `watchCases` instead: any write to a case re-runs the query.
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

/** Keys handed over per request: 20,000 ids become strings on the page in a few milliseconds. */
const SLICE = 20_000;

/**
 * Every case id through an index whose keys hardly repeat (receivedAt), in index order, read in
 * slices in one transaction: each slice reaches the page in a task of its own, where one
 * getAllKeys of 200,000 ids holds the main thread for some 60 ms while they become strings. A
 * slice continues from the key of the last id before it, skipping the ids it has already.
 */
export async function allCaseIdsByIndex(index: 'receivedAt'): Promise<string[]> {
  const cases = await store();
  const byIndex = cases.index(index);
  const out: string[] = [];
  let part = await request<string[]>(byIndex.getAllKeys(null, SLICE));
  let before = new Set<string>();
  for (;;) {
    for (const id of part) if (!before.has(id)) out.push(id);
    if (part.length < SLICE) return out;
    const last = await request<CaseRow | undefined>(cases.get(part[part.length - 1]!));
    if (!last) return caseIdsByIndex(index);
    before = new Set(part);
    const next = await request<string[]>(byIndex.getAllKeys(IDBKeyRange.lowerBound(last[index]), SLICE));
    // A whole slice of one key (never seen in practice) would not move on: read the rest at once.
    if (next.every((id) => before.has(id))) return caseIdsByIndex(index);
    part = next;
  }
}

/** Whole case rows through `index` within a range. */
export async function caseRowsByIndex(index: string, range: IDBKeyRange): Promise<CaseRow[]> {
  return request<CaseRow[]>((await store()).index(index).getAll(range));
}

/**
 * Makes the live query that calls it re-run on any write to the cases table. One row read over the
 * whole key range: Dexie then watches every key, and IndexedDB reads one row. (A count would watch
 * the same, but Chromium counts by walking every row: a second and more at 200,000 cases.)
 */
export async function watchCases(): Promise<void> {
  await db().cases.limit(1).toArray();
}
