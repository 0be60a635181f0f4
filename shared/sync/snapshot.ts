// The case snapshot a fresh counter starts from (docs/protocol-extensions.md, "Case snapshot"):
// every case of the device's feed with all of the case's stored events, page by page in case id
// order, and the feed position the pages are consistent with. The counter then pulls the feed from
// that position, and a case's events at or below the hubSeq its page gave are already held.
import { z } from 'zod';
import type { StoredEvent } from '../protocol/events';
import { Uuid } from '../protocol/primitives';

export const SNAPSHOT_PATH = '/api/v1/snapshot';
export const MAX_SNAPSHOT_LIMIT = 2000;
export const DEFAULT_SNAPSHOT_LIMIT = 1000;

/** `GET /api/v1/snapshot?limit=…&after=…` (query values are text, so numbers are coerced). */
export const SnapshotQuery = z.strictObject({
  after: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_SNAPSHOT_LIMIT).optional(),
});
export type SnapshotQuery = z.infer<typeof SnapshotQuery>;

export interface SnapshotRequest {
  /** The last case id of the previous page; null for the first page. */
  after: string | null;
  limit: number;
}

/** One case: every event the hub stored for it, in hubSeq order, up to and including `hubSeq`. */
export interface SnapshotCase {
  caseId: string;
  hubSeq: number;
  events: StoredEvent[];
}

export interface SnapshotPage {
  /**
   * The head of the device's feed, read before this page: every event at or before it is in the
   * page for the page's cases. The first page's cursor is where the counter pulls from afterwards.
   */
  cursor: number;
  cases: SnapshotCase[];
  /** The last case id of this page (null when the page is empty): the next page's `after`. */
  after: string | null;
  more: boolean;
}

/** Where a counter's snapshot stands; kept with each page, so a restart resumes after the last page stored. */
export interface SnapshotState {
  /** The first page's cursor: the feed position the counter pulls from once the snapshot is in. */
  cursor: number;
  after: string | null;
  cases: number;
  events: number;
  done: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts of a pulled event the store relies on; a newer hub may send fields or types this build does not know. */
export function looksStored(v: unknown): v is StoredEvent {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.caseId === 'string' &&
    typeof v.type === 'string' &&
    typeof v.deviceId === 'string' &&
    Number.isSafeInteger(v.deviceSeq) &&
    Number.isSafeInteger(v.hubSeq) &&
    isObject(v.payload)
  );
}

/** A case of a page: its events belong to it, in increasing hubSeq, the last one at its hubSeq. */
function looksLikeCase(v: unknown): v is SnapshotCase {
  if (!isObject(v) || typeof v.caseId !== 'string' || !Number.isSafeInteger(v.hubSeq) || !Array.isArray(v.events) || v.events.length === 0) return false;
  let last = 0;
  for (const e of v.events as unknown[]) {
    if (!looksStored(e) || e.caseId !== v.caseId || e.hubSeq <= last) return false;
    last = e.hubSeq;
  }
  return last === v.hubSeq;
}

/** Checks a page as it came off the wire; a problem (the hub's refusal, or nonsense) as an error message. */
export function readSnapshotPage(raw: unknown, after: string | null): { ok: true; page: SnapshotPage } | { ok: false; code: string; message: string } {
  if (!isObject(raw)) return { ok: false, code: 'INVALID_MESSAGE', message: '中心的快照应答格式错误' };
  if (isObject(raw.error)) return { ok: false, code: String(raw.error.code), message: String(raw.error.message ?? '中心拒绝了快照请求') };
  const { cursor, cases, more } = raw;
  const next = raw.after ?? null;
  if (!Number.isSafeInteger(cursor) || (cursor as number) < 0 || !Array.isArray(cases) || typeof more !== 'boolean' || (next !== null && typeof next !== 'string')) {
    return { ok: false, code: 'INVALID_MESSAGE', message: '中心的快照应答格式错误' };
  }
  // Case ids are compared by the hub's database (its collation), never here: only their count.
  if (!(cases as unknown[]).every(looksLikeCase) || new Set((cases as SnapshotCase[]).map((c) => c.caseId)).size !== cases.length) {
    return { ok: false, code: 'INVALID_MESSAGE', message: '中心的快照应答中有格式错误的办件' };
  }
  const last = (cases as SnapshotCase[]).at(-1)?.caseId ?? null;
  // A page that promises more but moves nowhere would loop forever.
  if (next !== last || (more && (last === null || last === after))) return { ok: false, code: 'INVALID_MESSAGE', message: '中心的快照应答没有进展' };
  return { ok: true, page: { cursor: cursor as number, cases: cases as SnapshotCase[], after: next as string | null, more } };
}
