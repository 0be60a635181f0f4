// What a staff member may do to a case now: the permission table met with the state machine.
import type { Event, EventType } from '../protocol/events';
import { EVENT_TYPES } from '../protocol/events';
import { applyEvent, type ApplyResult, type CaseView } from './projection';
import { mayAuthor, roleMayAuthor, type CaseHalls, type Principal } from './permissions';
import { canTransition } from './states';
import { FEEDBACK_TYPES } from '../supervision/feedback';

export type CheckError = { code: 'FORBIDDEN' | 'UNKNOWN_CASE' | 'INVALID_TRANSITION'; message: string };
export type CheckResult = { ok: true; value: CaseView } | { ok: false; error: CheckError };

/** The event types this principal may author on this case in its present state. */
export function availableActions(view: CaseView, principal: Principal): EventType[] {
  return EVENT_TYPES.filter(
    (type) =>
      type !== 'case.received' &&
      // Consultation records are written by the call itself, never picked as an action; ratings,
      // rectifications and flags act on an item of the case, offered where the item is shown.
      !type.startsWith('consult.') &&
      !FEEDBACK_TYPES.has(type) &&
      canTransition(view.state, type) &&
      mayAuthor(principal, type, view.halls) &&
      // A reprint is possible only once something was printed; printing needs a certificate.
      (type !== 'case.printed' || view.certificate !== undefined),
  );
}

function hallsFor(event: Event, current: CaseView | null): CaseHalls | null {
  if (current) return current.halls;
  if (event.type === 'case.received') {
    const { intakeHallId, homeHallId, deliveryHallId } = event.payload;
    return { intakeHallId, homeHallId, deliveryHallId };
  }
  return null;
}

/**
 * The hub's check of one event (after schema), in PROTOCOL.md's order: permission, then the
 * case's state. The counter runs the same check before it lets a clerk act.
 */
export function checkEvent(principal: Principal, event: Event, current: CaseView | null): CheckResult {
  if (event.actor.staffId !== principal.staffId || event.actor.hallId !== principal.hallId) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '事件的经办人与登录人员不符' } };
  }
  if (!roleMayAuthor(principal.roles, event.type)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '您的岗位无权进行此操作' } };
  }
  const halls = hallsFor(event, current);
  if (!halls) return { ok: false, error: { code: 'UNKNOWN_CASE', message: '办件不存在' } };
  if (!mayAuthor(principal, event.type, halls)) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '本厅与该办件的关系不允许此操作' } };
  }
  const applied: ApplyResult = applyEvent(current, event);
  return applied;
}
