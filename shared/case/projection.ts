// The case projection: a pure fold of a case's events into what every screen and the hub read.
import { EVENT_LABELS, type Actor, type Applicant, type Certificate, type Event, type EventType, type FormValue, type MaterialEntry } from '../protocol/events';
import { applyFeedback, feedbackConflict, isFeedbackEvent, type FlagRecord, type RatingRecord, type RectificationRecord } from '../supervision/feedback';
import type { CaseHalls } from './permissions';
import { canTransition, nextState, STATE_LABELS, type CaseState } from './states';

export interface HistoryEntry {
  eventId: string;
  type: EventType;
  at: string;
  actor: Actor;
  deviceId: string;
  /** Set once the hub has the event; absent while it waits in the outbox. */
  hubSeq?: number;
  payload: Record<string, unknown>;
}

export interface Pause {
  /** When the home hall asked for a correction. */
  from: string;
  /** When the intake hall resubmitted; absent while the case waits for the applicant. */
  to?: string;
}

export interface PrintRecord {
  certificateId: string;
  copies: number;
  at: string;
  actor: Actor;
  reason?: string;
}

export interface CaseView {
  caseId: string;
  caseNo: string;
  itemCode: string;
  itemName?: string;
  promisedDays?: number;
  state: CaseState;
  applicant: Applicant;
  form: Record<string, FormValue>;
  materials: MaterialEntry[];
  halls: CaseHalls;
  queryCode: string;
  receivedAt: string;
  updatedAt: string;
  /** Periods the deadline clock stood still while the applicant corrected the application. */
  pauses: Pause[];
  /** The open correction request, while the case needs correction. */
  correction?: { reasons: string[]; materialIds: string[]; at: string };
  decision?: { kind: 'approved' | 'rejected'; at: string; note?: string; reason?: string; legalBasis?: string };
  certificate?: { certificate: Certificate; signature: string; keyId: string };
  prints: PrintRecord[];
  delivery?: { at: string; recipient: { name: string; idNumber: string }; authorization?: string };
  withdrawal?: { at: string; reason: string };
  notes: { at: string; actor: Actor; text: string }[];
  // Ratings, rectifications and supervision flags (shared/supervision/feedback.ts). Absent in a
  // view folded before a case had any, and in views the hub stored before these types existed.
  ratings?: RatingRecord[];
  rectifications?: RectificationRecord[];
  flags?: FlagRecord[];
  history: HistoryEntry[];
}

export type ApplyError = { code: 'UNKNOWN_CASE' | 'INVALID_TRANSITION'; message: string };
export type ApplyResult = { ok: true; value: CaseView } | { ok: false; error: ApplyError };

function applyChanges(view: CaseView, changes: Record<string, FormValue>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (key.startsWith('form.')) view.form[key.slice(5)] = value;
    else if (key === 'deliveryHallId') view.halls = { ...view.halls, deliveryHallId: String(value) };
    else if (key.startsWith('applicant.')) {
      const field = key.slice(10) as 'name' | 'phone' | 'idType' | 'idNumber';
      (view.applicant as Record<string, unknown>)[field] = value === null ? '' : String(value);
    }
  }
}

function mergeMaterials(current: MaterialEntry[], updates: MaterialEntry[]): MaterialEntry[] {
  const byId = new Map(current.map((m) => [m.materialId, m]));
  for (const m of updates) byId.set(m.materialId, m);
  return [...byId.values()];
}

const sameId = (a: string, b: string) => a.replace(/\s/g, '').toUpperCase() === b.replace(/\s/g, '').toUpperCase();

/** Whether the person collecting a certificate is its holder: same name and same ID number. */
export function recipientIsHolder(view: Pick<CaseView, 'certificate' | 'applicant'>, recipient: { name: string; idNumber: string }): boolean {
  const holder = view.certificate?.certificate.holder ?? view.applicant;
  return holder.name.trim() === recipient.name.trim() && sameId(holder.idNumber, recipient.idNumber);
}

/** Checks that need the case itself: the certificate an event names, a reprint's reason. */
function crossCheck(current: CaseView | null, event: Event): string | null {
  if (!current) return null;
  if (event.type === 'case.printed' || event.type === 'case.delivered') {
    if (current.certificate?.certificate.certificateId !== event.payload.certificateId) {
      return '证照编号与本办件签发的证照不符';
    }
  }
  if (event.type === 'case.delivered' && !recipientIsHolder(current, event.payload.recipient) && !event.payload.authorization?.trim()) {
    return '领取人不是持证人本人：须核验并登记授权委托书后方可交付';
  }
  if (event.type === 'case.printed' && current.state === 'printed' && !event.payload.reason?.trim()) {
    return '补打证照须注明原因';
  }
  if (event.type === 'certificate.issued' && event.payload.certificate.caseId !== current.caseId) {
    return '证照所属办件与本办件不符';
  }
  if (isFeedbackEvent(event)) return feedbackConflict(current, event);
  return null;
}

/**
 * Applies one event to a case (null: the case does not exist yet). Never mutates its input.
 * Refuses an event the case's state does not allow, with the code the hub answers.
 */
export function applyEvent(current: CaseView | null, event: Event & { hubSeq?: number }): ApplyResult {
  const state = current?.state ?? 'none';
  if (current === null && event.type !== 'case.received') {
    return { ok: false, error: { code: 'UNKNOWN_CASE', message: '办件不存在' } };
  }
  if (!canTransition(state, event.type)) {
    return {
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: `办件当前为“${state === 'none' ? '未受理' : STATE_LABELS[state]}”，不能再“${EVENT_LABELS[event.type]}”` },
    };
  }
  const conflict = crossCheck(current, event);
  if (conflict) return { ok: false, error: { code: 'INVALID_TRANSITION', message: conflict } };
  const entry: HistoryEntry = {
    eventId: event.id,
    type: event.type,
    at: event.at,
    actor: event.actor,
    deviceId: event.deviceId,
    payload: event.payload as Record<string, unknown>,
    ...(event.hubSeq !== undefined ? { hubSeq: event.hubSeq } : {}),
  };

  if (event.type === 'case.received') {
    const p = event.payload;
    return {
      ok: true,
      value: {
        caseId: event.caseId,
        caseNo: p.caseNo,
        itemCode: p.itemCode,
        ...(p.itemName !== undefined ? { itemName: p.itemName } : {}),
        ...(p.promisedDays !== undefined ? { promisedDays: p.promisedDays } : {}),
        state: 'received',
        applicant: { ...p.applicant },
        form: { ...p.form },
        materials: p.materials.map((m) => ({ ...m, attachments: [...m.attachments] })),
        halls: { intakeHallId: p.intakeHallId, homeHallId: p.homeHallId, deliveryHallId: p.deliveryHallId },
        queryCode: p.queryCode,
        receivedAt: event.at,
        updatedAt: event.at,
        pauses: [],
        prints: [],
        notes: [],
        history: [entry],
      },
    };
  }

  const prev = current as CaseView;
  const view: CaseView = {
    ...prev,
    applicant: { ...prev.applicant },
    form: { ...prev.form },
    pauses: prev.pauses.map((p) => ({ ...p })),
    history: [...prev.history, entry],
    state: nextState(prev.state, event.type),
    updatedAt: event.at,
  };

  switch (event.type) {
    case 'case.updated':
      applyChanges(view, event.payload.changes);
      break;
    case 'case.review_started':
      break;
    case 'case.correction_requested':
      view.correction = { reasons: [...event.payload.reasons], materialIds: [...event.payload.materialIds], at: event.at };
      view.pauses.push({ from: event.at });
      break;
    case 'case.correction_submitted': {
      applyChanges(view, event.payload.changes);
      view.materials = mergeMaterials(prev.materials, event.payload.materials);
      delete view.correction;
      const open = view.pauses[view.pauses.length - 1];
      if (open && open.to === undefined) open.to = event.at;
      break;
    }
    case 'case.approved':
      view.decision = { kind: 'approved', at: event.at, note: event.payload.note };
      break;
    case 'case.rejected':
      view.decision = { kind: 'rejected', at: event.at, reason: event.payload.reason, legalBasis: event.payload.legalBasis };
      break;
    case 'certificate.issued':
      view.certificate = { ...event.payload };
      break;
    case 'case.printed':
      view.prints = [
        ...prev.prints,
        {
          certificateId: event.payload.certificateId,
          copies: event.payload.copies,
          at: event.at,
          actor: event.actor,
          ...(event.payload.reason !== undefined ? { reason: event.payload.reason } : {}),
        },
      ];
      break;
    case 'case.delivered':
      view.delivery = {
        at: event.at,
        recipient: { ...event.payload.recipient },
        ...(event.payload.authorization !== undefined ? { authorization: event.payload.authorization } : {}),
      };
      break;
    case 'case.withdrawn':
      view.withdrawal = { at: event.at, reason: event.payload.reason };
      break;
    case 'case.note_added':
      view.notes = [...prev.notes, { at: event.at, actor: event.actor, text: event.payload.text }];
      break;
    case 'consult.started':
    case 'consult.ended':
      // A video consultation lives in the history (the timeline shows it); it changes no field.
      break;
    case 'rating.submitted':
    case 'rectification.reported':
    case 'rectification.closed':
    case 'rectification.returned':
    case 'supervision.flagged':
    case 'supervision.answered':
      applyFeedback(view, event);
      break;
  }
  return { ok: true, value: view };
}

/**
 * Folds a case's events in order. An event the state does not allow is skipped and reported,
 * which is how a counter shows a pending event that lost to the hub's order.
 */
export function foldCase(events: readonly (Event & { hubSeq?: number })[]): {
  view: CaseView | null;
  refused: { event: Event; error: ApplyError }[];
} {
  let view: CaseView | null = null;
  const refused: { event: Event; error: ApplyError }[] = [];
  for (const event of events) {
    const result = applyEvent(view, event);
    if (result.ok) view = result.value;
    else refused.push({ event, error: result.error });
  }
  return { view, refused };
}
