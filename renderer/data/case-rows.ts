// The case list rows, kept by folding: each row holds the fold of the case's confirmed events (what
// the hub has, up to `hubSeq`) with our own events still waiting folded on top; while there are
// such events the confirmed fold is kept beside the view (`confirmed`), so the next confirmed
// event, or the hub's answer, refolds from it without reading the case's events again. Every write
// here runs inside the transaction that changed the outbox, the feed or the snapshot.
import { applyEvent, type CaseView } from '../../shared/case/projection';
import type { Event, StoredEvent } from '../../shared/protocol/events';
import type { CalendarYear } from '../../shared/calendar/calendar-data';
import { attentionKeys } from '../../shared/supervision/feedback';
import { calendarOf, dueKey } from './case-due';
import { caseKeyEntry, type CaseKeyEntry, type CaseRow, type OutboxRow, type TongbanDB } from './db';
import { measure } from './sync-timing';

/** The tables a transaction that rebuilds case rows must include besides outbox, feed and cases. */
export const dueTables = (d: TongbanDB) => [d.calendar, d.catalog, d.caseKeys];

/** What the hub has confirmed of a case: the fold of its events up to `hubSeq` (0: none). */
export interface Confirmed {
  view: CaseView | null;
  hubSeq: number;
}

/** Applies events in order onto a fold; an event the case's state does not allow is skipped, as foldCase does. */
export function foldOnto(view: CaseView | null, events: readonly (Event & { hubSeq?: number })[]): CaseView | null {
  let current = view;
  for (const event of events) {
    const applied = applyEvent(current, event);
    if (applied.ok) current = applied.value;
  }
  return current;
}

/** A row as stored before rows kept `hubSeq`: its confirmed part is in the history (entries with a hubSeq). */
function legacyConfirmed(row: CaseRow): Confirmed {
  const confirmed = row.view.history.filter((h) => h.hubSeq !== undefined);
  const hubSeq = confirmed.reduce((max, h) => Math.max(max, h.hubSeq ?? 0), 0);
  if (confirmed.length === row.view.history.length && row.pending === 0) return { view: row.view, hubSeq };
  const events = confirmed.map((h) => ({ id: h.eventId, caseId: row.caseId, deviceId: h.deviceId, deviceSeq: 0, type: h.type, payload: h.payload, actor: h.actor, at: h.at, hubSeq: h.hubSeq }) as unknown as StoredEvent);
  return { view: foldOnto(null, events), hubSeq };
}

function confirmedOf(row: CaseRow | undefined): Confirmed {
  if (!row) return { view: null, hubSeq: 0 };
  if (row.hubSeq === undefined) return legacyConfirmed(row);
  return { view: row.confirmed !== undefined ? row.confirmed : row.view, hubSeq: row.hubSeq };
}

/** Whether our outbox may hold events on the case that its row folds on top (so they must be read). */
const mayHaveOwn = (row: CaseRow | undefined): boolean => !row || row.hubSeq === undefined || row.confirmed !== undefined;

/** Our events on a case that its confirmed events do not hold: waiting, or accepted and not pulled back yet. */
function unconfirmed(outbox: readonly OutboxRow[], hubSeq: number): OutboxRow[] {
  return outbox.filter((o) => o.state === 'pending' || (o.state === 'accepted' && (o.hubSeq ?? Infinity) > hubSeq)).sort((a, b) => a.deviceSeq - b.deviceSeq);
}

/** What the promised-date key needs besides the case: the calendar, and the catalog's promised days. */
interface RowContext {
  calendar: ReturnType<typeof calendarOf>;
  days: ReadonlyMap<string, number>;
}

/** The case as it shows: our unconfirmed events folded onto the confirmed fold. */
function withOwn(confirmed: Confirmed, outbox: readonly OutboxRow[]): { view: CaseView | null; ours: OutboxRow[] } {
  const ours = unconfirmed(outbox, confirmed.hubSeq);
  return { view: ours.length ? foldOnto(confirmed.view, ours.map((o) => o.event)) : confirmed.view, ours };
}

function caseRow(caseId: string, confirmed: Confirmed, view: CaseView, ours: readonly OutboxRow[], ctx: RowContext): CaseRow {
  const row: CaseRow = {
    caseId,
    caseNo: view.caseNo,
    state: view.state,
    itemCode: view.itemCode,
    itemName: view.itemName ?? view.itemCode,
    applicantName: view.applicant.name,
    idNumber: view.applicant.idNumber,
    intakeHallId: view.halls.intakeHallId,
    homeHallId: view.halls.homeHallId,
    deliveryHallId: view.halls.deliveryHallId,
    receivedAt: view.receivedAt,
    updatedAt: view.updatedAt,
    pending: ours.filter((o) => o.state === 'pending').length,
    hubSeq: confirmed.hubSeq,
    view,
  };
  if (ours.length) row.confirmed = confirmed.view;
  const due = dueKey(view, ctx.calendar, view.promisedDays === undefined ? ctx.days.get(view.itemCode) : undefined);
  if (due !== undefined) row.due = due;
  const attention = attentionKeys(view);
  if (attention.length) row.attention = attention;
  return row;
}

/** Our outbox rows on the given cases, by case (one read through the caseId index). */
async function outboxByCase(database: TongbanDB, caseIds: readonly string[]): Promise<Map<string, OutboxRow[]>> {
  const byCase = new Map<string, OutboxRow[]>();
  if (caseIds.length === 0) return byCase;
  // One case (an append) is one request; anyOf walks a cursor, a request for each row it passes.
  const index = database.outbox.where('caseId');
  for (const o of await (caseIds.length === 1 ? index.equals(caseIds[0]!) : index.anyOf([...caseIds])).toArray()) {
    const list = byCase.get(o.caseId);
    if (list) list.push(o);
    else byCase.set(o.caseId, [o]);
  }
  return byCase;
}

/**
 * Writes the rows of the given cases from their confirmed folds, the rows and the list log's record
 * together. Only Dexie requests are awaited here: inside a transaction, a wait on anything else lets
 * IndexedDB commit it.
 */
export async function writeCases(database: TongbanDB, loaded: LoadedCases): Promise<void> {
  const start = performance.now();
  const shown = [...loaded.confirmed].map(([caseId, c]) => ({ caseId, c, ...withOwn(c, loaded.outbox.get(caseId) ?? []) }));
  const calendar = calendarOf(loaded.calendar);
  // The catalog's promised days, for cases whose intake did not carry them.
  const needsCatalog = shown.some((s) => s.view && s.view.promisedDays === undefined);
  const catalog = needsCatalog ? (await database.catalog.get('current'))?.catalog : undefined;
  const ctx: RowContext = { calendar, days: new Map((catalog?.items ?? []).map((i) => [i.code, i.promisedDays])) };
  const rows: CaseRow[] = [];
  const gone: string[] = [];
  for (const s of shown) {
    if (s.view) rows.push(caseRow(s.caseId, s.c, s.view, s.ours, ctx));
    else gone.push(s.caseId);
  }
  measure('case-rows', start, { rows: rows.length });
  if (!rows.length && !gone.length) return;
  // Sent at once: IndexedDB carries out a transaction's requests in the order they were made.
  await Promise.all([
    rows.length ? database.cases.bulkPut(rows) : undefined,
    gone.length ? database.cases.bulkDelete(gone) : undefined,
    // What the list keeps in memory of what was written, as one record of the list log (db.ts, caseKeys).
    database.caseKeys.add({ entries: [...rows.map(caseKeyEntry), ...gone.map((id): CaseKeyEntry => [id])] }),
  ]);
}

/** What a write of case rows starts from: each case's confirmed fold, our outbox rows on them, and the working calendar. */
export interface LoadedCases {
  confirmed: Map<string, Confirmed>;
  outbox: Map<string, OutboxRow[]>;
  calendar: CalendarYear[];
}

/**
 * Reads the rows of the given cases (as confirmed folds), our outbox rows on them and the calendar
 * the rows' promised dates need. With `ownMaybe`, the outbox only on the cases whose rows may fold
 * some on top (mayHaveOwn), after the rows: pulled events and snapshot pages. Without it, on every
 * case, with the rows: our own events just changed there.
 */
export async function loadCases(database: TongbanDB, caseIds: readonly string[], ownMaybe: boolean): Promise<LoadedCases> {
  const [rows, calendar, outboxAll] = await Promise.all([
    database.cases.bulkGet([...caseIds]),
    database.calendar.toArray(),
    ownMaybe ? undefined : outboxByCase(database, caseIds),
  ]);
  const confirmed = new Map(caseIds.map((id, i) => [id, confirmedOf(rows[i])]));
  const outbox = outboxAll ?? (await outboxByCase(database, caseIds.filter((_, i) => mayHaveOwn(rows[i]))));
  return { confirmed, outbox, calendar };
}

/**
 * Rebuilds the rows of the given cases from their confirmed folds and our outbox (after our own
 * events changed: appended, refused, re-authored). The calling transaction must include cases,
 * outbox and dueTables(d). Every change of which cases the store holds goes through writeCases.
 */
export async function rebuildCases(database: TongbanDB, caseIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return;
  await writeCases(database, await loadCases(database, ids, false));
}
