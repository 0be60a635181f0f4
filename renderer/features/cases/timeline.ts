// A case's timeline: the events the projection holds (hub-confirmed, then ours still waiting),
// plus our events the local fold left out: refused by the hub (with the reason) or waiting ones
// that no longer fit the case's state. Pure, so tested without a store.
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
  if (actor.staffId === HUB_STAFF_ID) return '系统';
  const id = actor.staffId.length > 12 ? `${actor.staffId.slice(0, 8)}…` : actor.staffId;
  return names.get(actor.staffId) ?? `工作人员 ${id}`;
}

const CHANGE_LABELS: Record<string, string> = {
  'applicant.name': '申请人姓名',
  'applicant.phone': '联系电话',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  deliveryHallId: '领取地点',
};

function changedFields(changes: unknown, fieldLabel: (name: string) => string): string {
  const keys = Object.keys((changes ?? {}) as Record<string, unknown>);
  return keys.map((k) => CHANGE_LABELS[k] ?? (k.startsWith('form.') ? fieldLabel(k.slice(5)) : k)).join('、');
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
      return `收取材料 ${materials} 项`;
    }
    case 'case.updated': {
      const fields = changedFields(payload.changes, fieldLabel);
      return fields ? `修改：${fields}` : '';
    }
    case 'case.correction_submitted': {
      const fields = changedFields(payload.changes, fieldLabel);
      const materials = Array.isArray(payload.materials) ? payload.materials.length : 0;
      return [materials > 0 ? `补交材料 ${materials} 项` : '', fields ? `修改：${fields}` : ''].filter(Boolean).join('；');
    }
    case 'case.correction_requested':
      return `补正理由：${(Array.isArray(payload.reasons) ? payload.reasons.map(str) : []).join('；')}`;
    case 'case.approved':
      return str(payload.note) ? `审核意见：${str(payload.note)}` : '';
    case 'case.rejected':
      return `理由：${str(payload.reason)}；依据：${str(payload.legalBasis)}`;
    case 'certificate.issued': {
      const cert = (payload.certificate ?? {}) as Record<string, unknown>;
      return `证照编号 ${str(cert.certificateId)}${str(cert.authority) ? `，${str(cert.authority)}签发` : ''}`;
    }
    case 'case.printed':
      return `打印 ${typeof payload.copies === 'number' ? payload.copies : 1} 份${str(payload.reason) ? `（${str(payload.reason)}）` : ''}`;
    case 'case.delivered': {
      const recipient = (payload.recipient ?? {}) as Record<string, unknown>;
      return `领取人：${str(recipient.name)}`;
    }
    case 'case.withdrawn':
      return `原因：${str(payload.reason)}`;
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
