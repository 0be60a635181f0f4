// What ratings (好差评), rectifications and supervision flags (督办) leave on a case: the items the
// projection keeps, and the checks that need the case (the hub and every counter run them alike).
import { mayAuthor, type Principal } from '../case/permissions';
import type { CaseView } from '../case/projection';
import { BAD_RATINGS, RATING_STAGE_LABELS, type Actor, type Event, type EventType, type RatingLevel, type RatingStage } from '../protocol/events';

export interface RatingRecord {
  ratingId: string;
  stage: RatingStage;
  level: RatingLevel;
  comment: string;
  at: string;
  /** The clerk who turned the screen to the applicant; actor.hallId is the hall rated. */
  actor: Actor;
}

/** open: the hall must act; reported: a supervisor must judge; returned: the hall must act again. */
export type RectificationStatus = 'open' | 'reported' | 'returned' | 'closed';

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待整改',
  reported: '待审核',
  returned: '退回重改',
  closed: '已办结',
};

export interface RectificationStep {
  kind: 'reported' | 'closed' | 'returned';
  at: string;
  actor: Actor;
  text: string;
  /** The new deadline a return sets. */
  rectifyBy?: string;
}

export interface RectificationRecord {
  /** The id of the rating that opened it. */
  rectificationId: string;
  /** The hall rated, which must rectify. */
  hallId: string;
  stage: RatingStage;
  level: RatingLevel;
  comment: string;
  openedAt: string;
  /** The Beijing day by which the hall must report: the rating's, or the last return's. */
  dueDate: string;
  status: RectificationStatus;
  steps: RectificationStep[];
  closedAt?: string;
}

export interface FlagRecord {
  flagId: string;
  reason: string;
  at: string;
  actor: Actor;
  answer?: { at: string; actor: Actor; text: string };
}

/** The statuses in which the rectification waits for the hall. */
export const AWAITING_HALL: ReadonlySet<RectificationStatus> = new Set(['open', 'returned']);

const FEEDBACK_TYPE_LIST = [
  'rating.submitted',
  'rectification.reported',
  'rectification.closed',
  'rectification.returned',
  'supervision.flagged',
  'supervision.answered',
] as const satisfies readonly EventType[];
export type FeedbackType = (typeof FEEDBACK_TYPE_LIST)[number];
export const FEEDBACK_TYPES: ReadonlySet<EventType> = new Set(FEEDBACK_TYPE_LIST);
export type FeedbackEvent = Extract<Event, { type: FeedbackType }>;

export function isFeedbackEvent(event: Event): event is FeedbackEvent {
  return FEEDBACK_TYPES.has(event.type);
}

type FeedbackView = Pick<CaseView, 'state' | 'halls' | 'ratings' | 'rectifications' | 'flags'>;

const STATUS_REFUSAL: Record<RectificationStatus, string> = {
  open: '被评价的营业厅尚未登记整改情况',
  returned: '整改已退回，被评价的营业厅尚未重新登记整改情况',
  reported: '整改情况已登记，等待督查员审核',
  closed: '该整改已办结',
};

/** Why this event cannot happen to the case as it stands, in the clerk's words; null when it can. */
export function feedbackConflict(view: FeedbackView, event: FeedbackEvent): string | null {
  switch (event.type) {
    case 'rating.submitted': {
      const p = event.payload;
      if (p.stage === 'receipt' && event.actor.hallId !== view.halls.intakeHallId) return '受理环节的评价须在受理的营业厅记录';
      if (p.stage === 'handover') {
        if (event.actor.hallId !== view.halls.deliveryHallId) return '交付环节的评价须在交付证照的营业厅记录';
        if (view.state !== 'delivered') return '证照交付之后才能评价交付环节';
      }
      const ratings = view.ratings ?? [];
      if (ratings.some((r) => r.ratingId === p.ratingId)) return '评价编号重复';
      if (ratings.some((r) => r.stage === p.stage)) return `申请人已对本办件的“${RATING_STAGE_LABELS[p.stage]}”环节作出评价`;
      return null;
    }
    case 'rectification.reported':
    case 'rectification.closed':
    case 'rectification.returned': {
      const item = (view.rectifications ?? []).find((r) => r.rectificationId === event.payload.rectificationId);
      if (!item) return '本办件没有这项整改';
      if (event.type === 'rectification.reported') {
        if (event.actor.hallId !== item.hallId) return '只有被评价的营业厅可以登记整改情况';
        return AWAITING_HALL.has(item.status) ? null : STATUS_REFUSAL[item.status];
      }
      return item.status === 'reported' ? null : STATUS_REFUSAL[item.status];
    }
    case 'supervision.flagged':
      return (view.flags ?? []).some((f) => f.flagId === event.payload.flagId) ? '督办编号重复' : null;
    case 'supervision.answered': {
      const flag = (view.flags ?? []).find((f) => f.flagId === event.payload.flagId);
      if (!flag) return '本办件没有这项督办';
      return flag.answer ? '该督办已答复' : null;
    }
  }
}

function updateRectification(view: CaseView, id: string, change: (r: RectificationRecord) => RectificationRecord): void {
  view.rectifications = (view.rectifications ?? []).map((r) => (r.rectificationId === id ? change(r) : r));
}

/** Applies an event that feedbackConflict allowed to `view`, a fresh copy the caller owns. */
export function applyFeedback(view: CaseView, event: FeedbackEvent): void {
  const { at, actor } = event;
  switch (event.type) {
    case 'rating.submitted': {
      const p = event.payload;
      view.ratings = [...(view.ratings ?? []), { ratingId: p.ratingId, stage: p.stage, level: p.level, comment: p.comment, at, actor }];
      if (BAD_RATINGS.has(p.level)) {
        const opened: RectificationRecord = {
          rectificationId: p.ratingId,
          hallId: actor.hallId,
          stage: p.stage,
          level: p.level,
          comment: p.comment,
          openedAt: at,
          // validateEvent makes a bad rating carry its deadline.
          dueDate: p.rectifyBy ?? '',
          status: 'open',
          steps: [],
        };
        view.rectifications = [...(view.rectifications ?? []), opened];
      }
      return;
    }
    case 'rectification.reported':
      return updateRectification(view, event.payload.rectificationId, (r) => ({
        ...r,
        status: 'reported',
        steps: [...r.steps, { kind: 'reported', at, actor, text: event.payload.action }],
      }));
    case 'rectification.closed':
      return updateRectification(view, event.payload.rectificationId, (r) => ({
        ...r,
        status: 'closed',
        closedAt: at,
        steps: [...r.steps, { kind: 'closed', at, actor, text: event.payload.comment }],
      }));
    case 'rectification.returned':
      return updateRectification(view, event.payload.rectificationId, (r) => ({
        ...r,
        status: 'returned',
        dueDate: event.payload.rectifyBy,
        steps: [...r.steps, { kind: 'returned', at, actor, text: event.payload.reason, rectifyBy: event.payload.rectifyBy }],
      }));
    case 'supervision.flagged':
      view.flags = [...(view.flags ?? []), { flagId: event.payload.flagId, reason: event.payload.reason, at, actor }];
      return;
    case 'supervision.answered':
      view.flags = (view.flags ?? []).map((f) => (f.flagId === event.payload.flagId ? { ...f, answer: { at, actor, text: event.payload.reply } } : f));
      return;
  }
}

// What a staff member may do about the case's items now: the permission table and the checks above,
// for the screens to offer only what the hub will accept.

/** Whether the applicant can rate this stage at this principal's counter now. */
export function canRate(view: CaseView, principal: Principal, stage: RatingStage): boolean {
  if (!mayAuthor(principal, 'rating.submitted', view.halls)) return false;
  if (principal.hallId !== (stage === 'receipt' ? view.halls.intakeHallId : view.halls.deliveryHallId)) return false;
  if (stage === 'handover' && view.state !== 'delivered') return false;
  return !(view.ratings ?? []).some((r) => r.stage === stage);
}

export function canReport(view: CaseView, principal: Principal, item: RectificationRecord): boolean {
  return mayAuthor(principal, 'rectification.reported', view.halls) && principal.hallId === item.hallId && AWAITING_HALL.has(item.status);
}

export function canJudge(view: CaseView, principal: Principal, item: RectificationRecord): boolean {
  return mayAuthor(principal, 'rectification.closed', view.halls) && item.status === 'reported';
}

export function canFlag(view: CaseView, principal: Principal): boolean {
  return mayAuthor(principal, 'supervision.flagged', view.halls);
}

export function canAnswer(view: CaseView, principal: Principal, flag: FlagRecord): boolean {
  return mayAuthor(principal, 'supervision.answered', view.halls) && !flag.answer;
}

/**
 * What waits for whom on this case, as index keys for the work queues: `flag:{home hall}` while a
 * flag is unanswered, `rect:{hall}` while a rectification waits for that hall, `rect-review:{hall}`
 * while one of that hall's reports waits for a supervisor. Empty when nothing waits.
 */
export function attentionKeys(view: Pick<CaseView, 'halls' | 'flags' | 'rectifications'>): string[] {
  const keys = new Set<string>();
  if ((view.flags ?? []).some((f) => !f.answer)) keys.add(`flag:${view.halls.homeHallId}`);
  for (const r of view.rectifications ?? []) {
    if (AWAITING_HALL.has(r.status)) keys.add(`rect:${r.hallId}`);
    else if (r.status === 'reported') keys.add(`rect-review:${r.hallId}`);
  }
  return [...keys];
}
