// The counter's local store (IndexedDB through Dexie): the sync outbox and feed, the case list the
// screens read, drafts, attachment bytes, the catalog and calendar, and the device's own identity.
import Dexie, { type Table } from 'dexie';
import type { CalendarYear } from '../../shared/calendar/calendar-data';
import type { Catalog } from '../../shared/catalog/item-schema';
import type { CaseView } from '../../shared/case/projection';
import type { OfflineVerifier } from '../../shared/crypto/pbkdf2';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { EnrollResponse, Staff } from '../../shared/protocol/wire';
import type { OutboxState } from '../../shared/sync/storage';
import type { CaseHead } from '../../shared/sync/heads';
import type { Problem } from '../../shared/result';
import { calendarOf, setDue } from './case-due';

/** Where the sync keeps its case snapshot's progress (`SnapshotState`) in `meta`. */
export const SNAPSHOT_META = 'snapshot';

/** Where the sync keeps the case heads' download progress (`HeadsState`) in `meta`. */
export const HEADS_META = 'heads';

export interface OutboxRow {
  id: string;
  deviceSeq: number;
  caseId: string;
  state: OutboxState;
  event: Event;
  hubSeq?: number;
  reason?: Problem;
}

/** A pulled event, with its position in this device's feed (the order it was pulled in). */
export type FeedRow = StoredEvent & { feedPos: number };

/** One case as the lists show it: search keys beside the full projection. */
export interface CaseRow {
  caseId: string;
  caseNo: string;
  state: string;
  itemCode: string;
  itemName: string;
  applicantName: string;
  idNumber: string;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  updatedAt: string;
  /** Our events on this case that the hub has not confirmed yet. */
  pending: number;
  /** The promised date as an index key (see case-due.ts); absent once the case is decided. */
  due?: string;
  /** What waits on this case for whom (shared/supervision/feedback.ts, attentionKeys); absent when nothing. */
  attention?: string[];
  /**
   * The highest hubSeq of the case's confirmed events folded in (0: none yet): a pulled event at or
   * below it is held already. Absent in rows written before it was kept (case-rows.ts reads those).
   */
  hubSeq?: number;
  /**
   * The fold of the confirmed events alone (null: none yet), kept while `view` has our own events
   * still unconfirmed folded on top; absent when `view` is that fold (see case-rows.ts).
   */
  confirmed?: CaseView | null;
  view: CaseView;
}

/**
 * What a list line shows of a case the store does not hold yet (a head: shared/sync/heads.ts)
 * besides the list log's ten fields: the ID's type (for the mask), the item's name and the
 * deadline's inputs.
 */
export interface HeadLine {
  idType: string;
  itemName?: string;
  promisedDays?: number;
  pauses: { from: string; to?: string }[];
}

type CaseKeyFieldsEntry = [
  caseId: string,
  caseNo: string,
  applicantName: string,
  idNumber: string,
  state: string,
  itemCode: string,
  intakeHallId: string,
  homeHallId: string,
  deliveryHallId: string,
  receivedAt: string,
];

/**
 * One case as the case list keeps it in memory, in the list log (`caseKeys`): its search keys (case
 * number, applicant's name, ID number) and what the list filters and orders by (state, item, the
 * three halls, when it was received); with a HeadLine when the case is known by its head only (its
 * row is not stored yet: a new counter's first minute); the id alone when the case left the store.
 */
export type CaseKeyEntry = CaseKeyFieldsEntry | [...CaseKeyFieldsEntry, head: HeadLine] | [caseId: string];

/** A record of the list log: the entries of the case rows one transaction wrote (or a compacted chunk). */
export interface CaseKeyRecord {
  seq?: number;
  entries: CaseKeyEntry[];
}

/**
 * Entries per record when the list log is written whole (an upgrade, a compaction): as many as a
 * heads' record. Each record read becomes objects on the page's main thread in one task, and a
 * record of 5,000 took some 40–50 ms there on a slow counter (read again at every start).
 */
export const CASE_KEY_CHUNK = 1000;

/** Where the list log was last compacted (a number in `meta`): a reader past it reads the log again. */
export const CASE_KEYS_EPOCH = 'caseKeysEpoch';

export type CaseKeyFields = Pick<CaseRow, 'caseId' | 'caseNo' | 'applicantName' | 'idNumber' | 'state' | 'itemCode' | 'intakeHallId' | 'homeHallId' | 'deliveryHallId' | 'receivedAt'>;

export const caseKeyEntry = (row: CaseKeyFields): CaseKeyEntry => [
  row.caseId,
  row.caseNo,
  row.applicantName,
  row.idNumber,
  row.state,
  row.itemCode,
  row.intakeHallId,
  row.homeHallId,
  row.deliveryHallId,
  row.receivedAt,
];

/** A head's entry of the list log: written for a case whose row is not stored yet. */
export const headEntry = (h: CaseHead): CaseKeyEntry => {
  // Null (an older view's) is absent: readHeadsPage lets it through as such.
  const line: HeadLine = { idType: h.idType, pauses: h.pauses.map((p) => (p.to == null ? { from: p.from } : { from: p.from, to: p.to })) };
  if (h.itemName != null) line.itemName = h.itemName;
  if (h.promisedDays != null) line.promisedDays = h.promisedDays;
  return [h.caseId, h.caseNo, h.applicantName, h.idNumber, h.state, h.itemCode, h.intakeHallId, h.homeHallId, h.deliveryHallId, h.receivedAt, line];
};

export interface DeviceIdentity extends EnrollResponse {
  hubUrl: string;
  deviceName: string;
  enrolledAt: string;
}

export interface StoredKeyPair {
  id: 'device';
  publicKey: CryptoKey;
  privateKey: CryptoKey;
}

export interface StaffCacheRow {
  username: string;
  staff: Staff;
  verifier: OfflineVerifier;
  /** When the hub last confirmed this password: offline login is allowed for a bounded time after. */
  verifiedAt: number;
}

export interface DraftRow {
  id: string;
  updatedAt: number;
  itemCode: string;
  data: unknown;
}

export interface BlobRow {
  sha256: string;
  name: string;
  mime: string;
  size: number;
  bytes: Blob;
}

/** Each version's changes to the tables (Dexie's schema syntax): what the versions below declare. */
export const STORES = {
  1: {
    meta: 'key',
    keys: 'id',
    outbox: 'id, &deviceSeq, state, caseId, [state+deviceSeq]',
    feed: 'id, hubSeq, caseId, feedPos',
    cases: 'caseId, &caseNo, state, itemCode, applicantName, idNumber, homeHallId, intakeHallId, deliveryHallId, receivedAt, updatedAt',
    drafts: 'id, updatedAt',
    blobs: 'sha256',
    staff: 'username',
    catalog: 'id',
    calendar: 'year',
  },
  2: {
    cases:
      'caseId, &caseNo, state, itemCode, applicantName, idNumber, homeHallId, intakeHallId, deliveryHallId, receivedAt, updatedAt, due, [homeHallId+state+due], [intakeHallId+state], [deliveryHallId+state], *attention',
  },
  3: { caseKeys: '++seq' },
  4: { cases: 'caseId, &caseNo, due, [homeHallId+state+due], [intakeHallId+state], [deliveryHallId+state], *attention' },
} as const;

export class TongbanDB extends Dexie {
  meta!: Table<{ key: string; value: unknown }, string>;
  keys!: Table<StoredKeyPair, string>;
  outbox!: Table<OutboxRow, string>;
  feed!: Table<FeedRow, string>;
  cases!: Table<CaseRow, string>;
  drafts!: Table<DraftRow, string>;
  blobs!: Table<BlobRow, string>;
  staff!: Table<StaffCacheRow, string>;
  catalog!: Table<{ id: 'current'; etag: string; catalog: Catalog }, string>;
  calendar!: Table<CalendarYear, number>;
  caseKeys!: Table<CaseKeyRecord, number>;

  constructor(name = 'tongban') {
    super(name);
    this.version(1).stores(STORES[1]);
    // The promised date as an index, and the queues' indexes: at-risk and overdue cases and each
    // hall's work are found by key, not by reading 200,000 cases.
    this.version(2)
      .stores(STORES[2])
      .upgrade(async (tx) => {
        const calendar = calendarOf(await tx.table<CalendarYear, number>('calendar').toArray());
        const catalog = (await tx.table<{ id: string; catalog: Catalog }, string>('catalog').get('current'))?.catalog;
        const days = new Map((catalog?.items ?? []).map((i) => [i.code, i.promisedDays]));
        await tx
          .table<CaseRow, string>('cases')
          .toCollection()
          .modify((row) => setDue(row, calendar, days));
      });
    // The search keys as a log of records (one per transaction that writes case rows), read into
    // memory by the case list (renderer/features/cases/case-keys.ts): the search needs no index read.
    // Version 4 fills it.
    this.version(3).stores(STORES[3]);
    // The list log carries what the list filters and orders by, and the case list reads those from
    // memory: the indexes it read them through go, and with them most of what writing a case row
    // costs the store (a fresh counter writes 200,000). The queues' and deadlines' indexes stay.
    this.version(4)
      .stores(STORES[4])
      .upgrade(async (tx) => {
        const entries: CaseKeyEntry[] = [];
        await tx
          .table<CaseRow, string>('cases')
          .toCollection()
          .each((row) => void entries.push(caseKeyEntry(row)));
        const records: CaseKeyRecord[] = [];
        for (let i = 0; i < entries.length; i += CASE_KEY_CHUNK) records.push({ entries: entries.slice(i, i + CASE_KEY_CHUNK) });
        const log = tx.table<CaseKeyRecord, number>('caseKeys');
        await log.clear();
        if (records.length) await log.bulkAdd(records);
        const meta = tx.table<{ key: string; value: unknown }, string>('meta');
        const epoch = ((await meta.get(CASE_KEYS_EPOCH))?.value as number | undefined) ?? 0;
        await meta.put({ key: CASE_KEYS_EPOCH, value: epoch + 1 });
      });
  }
}

let instance: TongbanDB | null = null;
export function db(): TongbanDB {
  instance ??= new TongbanDB();
  return instance;
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db().meta.get(key))?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db().meta.put({ key, value });
}
