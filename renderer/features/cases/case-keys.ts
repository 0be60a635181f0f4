// The cases as the case list needs them, in memory (case-key-index.ts: search keys, filters,
// order), in the list's worker (case-list-worker.ts; the page asks it, case-list-client.ts), kept
// up with the store's list log (renderer/data/db.ts, `caseKeys`): the first read takes
// the log, later ones only the records written since. Reads go straight to IndexedDB, like
// raw-index.ts, so a live query that reads the list is not made to watch the log's keys (it watches
// the cases table, whose writes come with them).
//
// The log grows by a record per transaction that writes case rows; when a page finds it long it
// compacts it into chunks, in place of the records it read, and moves the epoch in `meta` in the
// same transaction: a reader (another window) that sees the epoch move reads the log again.
import Dexie, { type ObservabilitySet } from 'dexie';
import { CASE_KEY_CHUNK, CASE_KEYS_EPOCH, db, type CaseKeyEntry, type CaseKeyRecord } from '../../data/db';
import { CaseKeyIndex } from './case-key-index';
import { readTransaction, request } from './raw-index';

/**
 * Records read per request: few while they are large (compacted chunks, heads' records and snapshot
 * pages of 1,000 each: each request's records become objects in one task of the thread that reads
 * them, and 10,000 entries at once made that task and the collection after it long: on the page's
 * main thread when the list read there), more while they are
 * small (a record per acceptance).
 */
const MIN_BATCH = 1;
const MAX_BATCH = 64;
/** Entries a request aims at (heads' records of 1,000 took 41 ms to become objects four at a time). */
const BATCH_ENTRIES = 2000;
/** Time applying records before the worker takes the page's requests (a record of 1,000 takes a few ms). */
const SLICE_MS = 8;
/**
 * When to compact: more records than this, or more entries than twice the cases plus this, or
 * once a new counter's heads all have their rows (then half its log is heads no case needs). A
 * compaction rewrites every case's keys while the log's writers (every write of case rows) wait,
 * about a second at 200,000 cases, so it waits until the log costs more to read than that.
 */
const COMPACT_RECORDS = 2000;
const COMPACT_SLACK = 20_000;

interface Loaded {
  index: CaseKeyIndex;
  /** The last record applied. */
  seq: number;
  epoch: number;
  /** Records applied since the log was read from its start, and their entries. */
  records: number;
  entries: number;
  /** Of those entries, heads (a new counter's first download: each is written again with its row). */
  heads: number;
}

/** How long after a read that found the log long it is compacted. */
const COMPACT_DELAY_MS = 2000;

/** The platform's Promise, taken before anything runs in a Dexie zone. */
const NativePromise = Promise;

let loaded: Loaded | null = null;
let compacting = false;
let chain: Promise<unknown> = Promise.resolve();

/** A turn for the page's requests (and, on the page, for the page): scheduler.yield where there is one, else a message (a timeout nested this deep waits 4 ms). */
function nextTask(): Promise<unknown> {
  if (typeof scheduler !== 'undefined' && 'yield' in scheduler) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(undefined);
    channel.port2.postMessage(null);
  });
}

async function readAfter(seq: number, count: number): Promise<{ records: CaseKeyRecord[]; epoch: number }> {
  const tx = await readTransaction(['caseKeys', 'meta']);
  const [records, meta] = await Promise.all([
    request<CaseKeyRecord[]>(tx.objectStore('caseKeys').getAll(IDBKeyRange.lowerBound(seq, true), count)),
    request<{ value: number } | undefined>(tx.objectStore('meta').get(CASE_KEYS_EPOCH)),
  ]);
  return { records, epoch: meta?.value ?? 0 };
}

async function catchUp(): Promise<CaseKeyIndex> {
  let state = loaded;
  let batch = MIN_BATCH;
  let changed = false;
  for (;;) {
    const { records, epoch } = await readAfter(state?.seq ?? 0, batch);
    let slice = performance.now();
    // Compacted since the last read (here or in another window): read from the start.
    if (state && epoch !== state.epoch) {
      state = null;
      changed = true;
      continue;
    }
    state ??= { index: new CaseKeyIndex(), seq: 0, epoch, records: 0, entries: 0, heads: 0 };
    const turn = async () => {
      if (performance.now() - slice > SLICE_MS) {
        await nextTask();
        slice = performance.now();
      }
    };
    for (const r of records) {
      await turn();
      state.heads += state.index.apply(r.entries);
      state.seq = r.seq!;
      state.entries += r.entries.length;
      // The order mended in steps, with turns for the list's requests between them (its reads finish it at once).
      if (state.index.reorderDue) for (const _ of state.index.reorderSteps()) await turn();
    }
    state.records += records.length;
    if (records.length) changed = true;
    if (records.length < batch) break;
    const entries = records.reduce((n, r) => n + r.entries.length, 0);
    batch = Math.max(MIN_BATCH, Math.min(MAX_BATCH, Math.floor((batch * BATCH_ENTRIES) / Math.max(1, entries))));
  }
  if (loaded !== state) changed = true;
  loaded = state;
  if (changed) publish(state.index);
  // Once every head has its row, the heads' records are dead weight (half the log of a new counter).
  const headsDone = state.heads > 0 && state.index.headCount === 0;
  if ((state.records > COMPACT_RECORDS || state.entries > 2 * state.index.size + COMPACT_SLACK || headsDone) && !compacting) {
    compacting = true;
    // Later, and outside the live query that searched (it may not write), in turn with the reads.
    setTimeout(() => {
      chain = chain
        // A read queued from a live query carries Dexie's live-query zone into what follows it, where
        // a read-write transaction is refused: a native promise settled by a timer starts afresh.
        .then(() => new NativePromise((resolve) => setTimeout(resolve, 0)))
        .then(() => (loaded === state ? compact(state) : undefined))
        .catch((e: unknown) => console.warn('办件列表日志压缩失败', e))
        .finally(() => (compacting = false));
    }, COMPACT_DELAY_MS);
  }
  return state.index;
}

/**
 * Replaces the records up to the last one read with chunks of what they amount to, at the same
 * keys (the top ones of that range): records written meanwhile keep their later keys and still
 * apply after them.
 */
async function compact(state: Loaded): Promise<void> {
  // Built before the transaction (a turn for the page between chunks would let IndexedDB commit
  // it), in the chain of reads: nothing changes the index meanwhile.
  const chunks: CaseKeyEntry[][] = [];
  let slice = performance.now();
  for (const chunk of state.index.eachChunk(CASE_KEY_CHUNK)) {
    chunks.push(chunk);
    if (performance.now() - slice > SLICE_MS) {
      await nextTask();
      slice = performance.now();
    }
  }
  // Nothing to gain: no fewer records, and no entries of cases written again or gone.
  if (chunks.length >= state.records && state.entries <= state.index.size) return;
  const d = db();
  await d.transaction('rw', [d.caseKeys, d.meta], async () => {
    const epoch = ((await d.meta.get(CASE_KEYS_EPOCH))?.value as number | undefined) ?? 0;
    // Another window compacted after this one read: its next read starts over, nothing to do here.
    if (epoch !== state.epoch) return;
    await d.caseKeys.where(':id').belowOrEqual(state.seq).delete();
    // A put per chunk: each is copied for the store in a task of its own.
    for (const [i, entries] of chunks.entries()) await d.caseKeys.put({ seq: state.seq - chunks.length + 1 + i, entries });
    state.epoch = epoch + 1;
    state.records = chunks.length;
    state.entries = state.index.size;
    state.heads = state.index.headCount;
    await d.meta.put({ key: CASE_KEYS_EPOCH, value: state.epoch });
  });
}

/** The read that waits for the one running: every caller until it starts shares it. */
let queued: Promise<CaseKeyIndex> | null = null;

/**
 * Every case in the store as the list needs it, as of now. One read at a time, and at most one
 * waiting: callers while a read waits share it (it starts after their call, so it sees what they
 * saw written). While a snapshot loads, the list asks again at every page stored, and each read
 * waits for the sync's write to finish: a read per call would queue faster than they drain, and the
 * list would never settle.
 */
export function caseKeyIndex(): Promise<CaseKeyIndex> {
  if (queued) return queued;
  const start = () => {
    queued = null;
    return catchUp();
  };
  const next = chain.then(start, start);
  queued = next;
  chain = next.catch(() => undefined);
  return next;
}

/** The index as last read, and a number that moves each time a read changes it. */
export interface CaseKeysSnapshot {
  index: CaseKeyIndex | null;
  version: number;
}

let snapshot: CaseKeysSnapshot = { index: null, version: 0 };
const listeners = new Set<() => void>();

/**
 * The list draws again at most this often while the cases change fast (a new counter's download
 * brings 5,000 a page): the first change is published at once, the rest of a burst once after.
 */
const PUBLISH_MS = 250;
let lastPublished = 0;
let publishTimer: ReturnType<typeof setTimeout> | null = null;

function publish(index: CaseKeyIndex): void {
  const now = performance.now();
  if (publishTimer !== null) return;
  const send = () => {
    publishTimer = null;
    lastPublished = performance.now();
    snapshot = { index, version: snapshot.version + 1 };
    for (const l of listeners) l();
  };
  const wait = lastPublished + PUBLISH_MS - now;
  if (wait <= 0) send();
  else publishTimer = setTimeout(send, wait);
}

/**
 * The cases in memory as last read, at once: the list's answers come from it (case-list-service.ts)
 * without waiting for a read of the log, which waits while the sync writes a page.
 */
export function currentCaseKeys(): CaseKeysSnapshot {
  return snapshot;
}

/** Called after each read that changed the cases in memory. */
export function onCaseKeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether a change Dexie reports touched the list log (written with every write of case rows). */
const touchesLog = (parts: ObservabilitySet): boolean => Object.keys(parts).some((k) => k.startsWith(`idb://${db().name}/caseKeys/`));

/**
 * Keeps the cases in memory up with the store (in the list's worker, for the page's life): read at once, then again whenever
 * the list log changes, here or in another context (the sync worker, another window: Dexie tells
 * every context of the origin). Reads never queue: a change while one waits is read by that one.
 * Returns the way to stop.
 */
export function followCaseKeys(): () => void {
  const read = () => void caseKeyIndex().catch((e: unknown) => console.warn('读取办件列表日志失败', e));
  // A change is read a moment after it is told, with any that follow it: an acceptance's receipt is
  // drawn right after its transaction, and the read (in the list's worker) took CPU from it.
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = (parts: ObservabilitySet) => {
    if (!touchesLog(parts) || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      read();
    }, FOLLOW_DELAY_MS);
  };
  read();
  Dexie.on('storagemutated', changed);
  return () => {
    if (timer !== null) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(changed);
  };
}

/** How long after a change of the list log it is read (the list publishes at most every PUBLISH_MS anyway). */
const FOLLOW_DELAY_MS = 100;
