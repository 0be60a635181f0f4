// A case's timeline: the events the projection holds (hub-confirmed, then ours still waiting),
// plus our events the local fold left out: refused by the hub (with the reason) or waiting ones
// that no longer fit the case's state. Pure, so tested without a store.
import { t } from '../../i18n';
import type { Messages } from '../../i18n/zh-CN';
import type { HistoryEntry } from '../../../shared/case/projection';
import type { Actor, Event, EventType } from '../../../shared/protocol/events';
import { consultDetail } from '../../../shared/consult/record';
import { feedbackDetail } from '../../../shared/supervision/record';

export type EntryStatus = 'confirmed' | 'pending' | 'refused';

export interface TimelineEntry {
  eventId: string;
  type: EventType;
  at: string;
  actor: Actor;
  payload: Record<string, unknown>;
  status: EntryStatus;
  reason?: { code: string; message: string };
}

/** The part of an outbox row the timeline reads. */
export interface OutboxLike {
  id: string;
  state: 'pending' | 'accepted' | 'rejected';
  event: Event;
  reason?: { code: string; message: string };
}

export function buildTimeline(history: readonly HistoryEntry[], outbox: readonly OutboxLike[]): TimelineEntry[] {
  const ours = new Map(outbox.map((o) => [o.id, o]));
  const entries: TimelineEntry[] = history.map((h) => ({
    eventId: h.eventId,
    type: h.type,
    at: h.at,
    actor: h.actor,
    payload: h.payload,
    status: ours.get(h.eventId)?.state === 'pending' ? 'pending' : 'confirmed',
  }));
  const shown = new Set(history.map((h) => h.eventId));
  const extras = outbox
    .filter((o) => !shown.has(o.id))
    .map(
      (o): TimelineEntry => ({
        eventId: o.id,
        type: o.event.type,
        at: o.event.at,
        actor: o.event.actor,
        payload: o.event.payload as Record<string, unknown>,
        // Accepted but not pulled back yet: the hub has it, so it counts as confirmed.
        status: o.state === 'rejected' ? 'refused' : o.state === 'pending' ? 'pending' : 'confirmed',
        ...(o.reason ? { reason: o.reason } : {}),
      }),
    )
    .sort((a, b) => a.at.localeCompare(b.at));
  // Each extra goes before the first entry that happened after it; history keeps its own order.
  for (const extra of extras) {
    const at = entries.findIndex((e) => e.at > extra.at);
    entries.splice(at === -1 ? entries.length : at, 0, extra);
  }
  return entries;
}

export const HUB_STAFF_ID = 'hub';

/**
 * Who did it: 系统 for the hub's own events, else the staff member's name when this counter knows
 * it (staff who logged in here), else the start of their staff id (the whole id goes in a tooltip).
 */
export function actorName(actor: Actor, names: ReadonlyMap<string, string>): string {
  if (actor.staffId === HUB_STAFF_ID) return t('timeline.system');
  const id = actor.staffId.length > 12 ? `${actor.staffId.slice(0, 8)}…` : actor.staffId;
  return names.get(actor.staffId) ?? t('timeline.staff', { id });
}

const CHANGE_KEYS: Record<string, keyof Messages['timeline']['change']> = {
  'applicant.name': 'applicantName',
  'applicant.phone': 'applicantPhone',
  'applicant.idType': 'applicantIdType',
  'applicant.idNumber': 'applicantIdNumber',
  deliveryHallId: 'deliveryHallId',
};
const changeLabel = (k: string): string | undefined => (CHANGE_KEYS[k] ? t(`timeline.change.${CHANGE_KEYS[k]}`) : undefined);

function changedFields(changes: unknown, fieldLabel: (name: string) => string): string {
  const keys = Object.keys((changes ?? {}) as Record<string, unknown>);
  return keys.map((k) => changeLabel(k) ?? (k.startsWith('form.') ? fieldLabel(k.slice(5)) : k)).join(t('common.listSeparator'));
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * One line about what the event did, in words; personal numbers and changed values are left out
 * (the case page shows the current ones, masked).
 */
export function eventDetail(type: EventType, payload: Record<string, unknown>, fieldLabel: (name: string) => string = (n) => n): string {
  switch (type) {
    case 'case.received': {
      const materials = Array.isArray(payload.materials) ? payload.materials.length : 0;
      return t('timeline.received', { count: materials });
    }
    case 'case.updated': {
      const fields = changedFields(payload.changes, fieldLabel);
      return fields ? t('timeline.changed', { fields }) : '';
    }
    case 'case.correction_submitted': {
      const fields = changedFields(payload.changes, fieldLabel);
      const materials = Array.isArray(payload.materials) ? payload.materials.length : 0;
      return [materials > 0 ? t('timeline.resubmitted', { count: materials }) : '', fields ? t('timeline.changed', { fields }) : ''].filter(Boolean).join(t('casePage.reasonSeparator'));
    }
    case 'case.correction_requested':
      return t('timeline.correctionReasons', { reasons: (Array.isArray(payload.reasons) ? payload.reasons.map(str) : []).join(t('casePage.reasonSeparator')) });
    case 'case.approved':
      return str(payload.note) ? t('timeline.approvalNote', { note: str(payload.note) }) : '';
    case 'case.rejected':
      return t('timeline.rejected', { reason: str(payload.reason), basis: str(payload.legalBasis) });
    case 'certificate.issued': {
      const cert = (payload.certificate ?? {}) as Record<string, unknown>;
      return t('timeline.certificate', { id: str(cert.certificateId) }) + (str(cert.authority) ? t('timeline.issuedBy', { authority: str(cert.authority) }) : '');
    }
    case 'case.printed':
      return t('timeline.printed', { count: typeof payload.copies === 'number' ? payload.copies : 1 }) + (str(payload.reason) ? t('timeline.printReason', { reason: str(payload.reason) }) : '');
    case 'case.delivered': {
      const recipient = (payload.recipient ?? {}) as Record<string, unknown>;
      return t('timeline.recipient', { name: str(recipient.name) });
    }
    case 'case.withdrawn':
      return t('timeline.reason', { reason: str(payload.reason) });
    case 'case.note_added':
      return str(payload.text);
    case 'consult.started':
    case 'consult.ended':
      return consultDetail(type, payload);
    case 'rating.submitted':
    case 'rectification.reported':
    case 'rectification.closed':
    case 'rectification.returned':
    case 'supervision.flagged':
    case 'supervision.answered':
      return feedbackDetail(type, payload);
    default:
      return '';
  }
}
