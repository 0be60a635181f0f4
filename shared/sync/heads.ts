// The case heads a fresh counter downloads before its case snapshot (docs/protocol-extensions.md,
// "Case heads"): for every case of the device's feed, what the case list shows of it and filters
// and searches by (case number, applicant, item, state, halls, when received, the deadline's
// inputs), page by page in case id order, without the case's events. A counter lists and searches
// all its hall's cases once these are in, while the snapshot brings each case whole behind them.
// Heads promise no consistency with the feed: each is replaced when its case is stored whole.
import { z } from 'zod';
import { Uuid } from '../protocol/primitives';

export const HEADS_PATH = '/api/v1/snapshot/heads';
export const MAX_HEADS_LIMIT = 10_000;
export const DEFAULT_HEADS_LIMIT = 5000;

/** `GET /api/v1/snapshot/heads?limit=…&after=…` (query values are text, so numbers are coerced). */
export const HeadsQuery = z.strictObject({
  after: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_HEADS_LIMIT).optional(),
});
export type HeadsQuery = z.infer<typeof HeadsQuery>;

/**
 * `GET /api/v1/snapshot/cases/{caseId}`: one case whole, as a snapshot page holding just it (read
 * with readSnapshotPage): what a counter's case page asks for while the snapshot has not brought it.
 */
export const SNAPSHOT_CASE_PATH = '/api/v1/snapshot/cases';

export interface HeadsRequest {
  /** The last case id of the previous page; null for the first page. */
  after: string | null;
  limit: number;
}

/** A period the deadline clock stood still (CaseView's `pauses`). */
export interface HeadPause {
  from: string;
  to?: string;
}

/** One case as the list shows it: the hub's projection of the case, without its events. */
export interface CaseHead {
  caseId: string;
  caseNo: string;
  state: string;
  itemCode: string;
  /** As the intake recorded it; absent in cases taken before intakes carried it (the catalog's name then). */
  itemName?: string;
  /** As the intake recorded it; absent in cases taken before intakes carried them (the catalog's then). */
  promisedDays?: number;
  applicantName: string;
  idType: string;
  idNumber: string;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  pauses: HeadPause[];
}

export interface HeadsPage {
  heads: CaseHead[];
  /** The last case id of this page (null when the page is empty): the next page's `after`. */
  after: string | null;
  more: boolean;
}

/** Where a counter's download of the heads stands (kept with each page, so a restart resumes). */
export interface HeadsState {
  after: string | null;
  cases: number;
  done: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const TEXT_FIELDS = ['caseId', 'caseNo', 'state', 'itemCode', 'applicantName', 'idType', 'idNumber', 'intakeHallId', 'homeHallId', 'deliveryHallId', 'receivedAt'] as const;

/** Absent, or null as an older view may hold it (read as absent). */
const absent = (v: unknown): boolean => v === undefined || v === null;

function looksLikePause(v: unknown): v is HeadPause {
  return isObject(v) && typeof v.from === 'string' && (absent(v.to) || typeof v.to === 'string');
}

/**
 * A head as the store relies on it; a newer hub may send fields this build does not know. An
 * optional field that is null counts as absent (headEntry in renderer/data/db.ts drops it).
 */
export function looksLikeHead(v: unknown): v is CaseHead {
  return (
    isObject(v) &&
    TEXT_FIELDS.every((k) => typeof v[k] === 'string') &&
    (absent(v.itemName) || typeof v.itemName === 'string') &&
    (absent(v.promisedDays) || (Number.isSafeInteger(v.promisedDays) && (v.promisedDays as number) >= 0)) &&
    Array.isArray(v.pauses) &&
    v.pauses.every(looksLikePause)
  );
}

type Read<T> = { ok: true; page: T } | { ok: false; code: string; message: string };

/** Checks a page of heads as it came off the wire; a problem (the hub's refusal, or nonsense) as an error message. */
export function readHeadsPage(raw: unknown, after: string | null): Read<HeadsPage> {
  if (!isObject(raw)) return { ok: false, code: 'INVALID_MESSAGE', message: '中心的办件目录应答格式错误' };
  if (isObject(raw.error)) return { ok: false, code: String(raw.error.code), message: String(raw.error.message ?? '中心拒绝了办件目录请求') };
  const { heads, more } = raw;
  const next = raw.after ?? null;
  if (!Array.isArray(heads) || typeof more !== 'boolean' || (next !== null && typeof next !== 'string')) {
    return { ok: false, code: 'INVALID_MESSAGE', message: '中心的办件目录应答格式错误' };
  }
  if (!(heads as unknown[]).every(looksLikeHead) || new Set((heads as CaseHead[]).map((h) => h.caseId)).size !== heads.length) {
    return { ok: false, code: 'INVALID_MESSAGE', message: '中心的办件目录应答中有格式错误的办件' };
  }
  const last = (heads as CaseHead[]).at(-1)?.caseId ?? null;
  // A page that promises more but moves nowhere would loop forever.
  if (next !== last || (more && (last === null || last === after))) return { ok: false, code: 'INVALID_MESSAGE', message: '中心的办件目录应答没有进展' };
  return { ok: true, page: { heads: heads as CaseHead[], after: next as string | null, more } };
}
