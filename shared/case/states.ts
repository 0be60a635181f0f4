// The case state machine: which event moves a case from which state to which (DESIGN.md, The domain).
import type { EventType } from '../protocol/events';

export const CASE_STATES = [
  'received',
  'in_review',
  'needs_correction',
  'approved',
  'certificate_issued',
  'printed',
  'delivered',
  'rejected',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const STATE_LABELS: Record<CaseState, string> = {
  received: '已受理',
  in_review: '审核中',
  needs_correction: '待补正',
  approved: '已办结（通过）',
  certificate_issued: '证照已签发',
  printed: '证照已打印',
  delivered: '已交付',
  rejected: '不予办理',
  withdrawn: '已撤回',
};

/** States from which nothing but notes (consultation records, ratings, supervision) can happen. */
export const FINAL_STATES: ReadonlySet<CaseState> = new Set(['delivered', 'rejected', 'withdrawn']);

/** For each event type: the states it may apply in, and the state it leads to (null: unchanged). */
export const TRANSITIONS: Record<EventType, { from: readonly (CaseState | 'none')[]; to: CaseState | null }> = {
  'case.received': { from: ['none'], to: 'received' },
  'case.updated': { from: ['received'], to: null },
  'case.review_started': { from: ['received'], to: 'in_review' },
  'case.correction_requested': { from: ['in_review'], to: 'needs_correction' },
  'case.correction_submitted': { from: ['needs_correction'], to: 'in_review' },
  'case.approved': { from: ['in_review'], to: 'approved' },
  'case.rejected': { from: ['in_review'], to: 'rejected' },
  'certificate.issued': { from: ['approved'], to: 'certificate_issued' },
  'case.printed': { from: ['certificate_issued', 'printed'], to: 'printed' },
  'case.delivered': { from: ['printed'], to: 'delivered' },
  'case.withdrawn': { from: ['received', 'in_review', 'needs_correction'], to: 'withdrawn' },
  'case.note_added': { from: [...CASE_STATES], to: null },
  // A video consultation is recorded whatever the state, and changes none.
  'consult.started': { from: [...CASE_STATES], to: null },
  'consult.ended': { from: [...CASE_STATES], to: null },
  // Ratings, rectifications and supervision flags change no state. Whether one may happen is a
  // matter of the case's items (shared/supervision/feedback.ts): a handover rating needs a
  // delivered case, a report needs an open rectification of the hall, and so on.
  'rating.submitted': { from: [...CASE_STATES], to: null },
  'rectification.reported': { from: [...CASE_STATES], to: null },
  'rectification.closed': { from: [...CASE_STATES], to: null },
  'rectification.returned': { from: [...CASE_STATES], to: null },
  'supervision.flagged': { from: [...CASE_STATES], to: null },
  'supervision.answered': { from: [...CASE_STATES], to: null },
};

export function canTransition(state: CaseState | 'none', type: EventType): boolean {
  return TRANSITIONS[type].from.includes(state);
}

export function nextState(state: CaseState, type: EventType): CaseState {
  return TRANSITIONS[type].to ?? state;
}
