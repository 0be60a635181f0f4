// The rules and words around a rating and its rectification: the deadline a bad rating sets, and
// what the case's timeline says about each of the new events.
import { beijingDay, type WorkingCalendar } from '../calendar/working-days';
import { BAD_RATINGS, RATING_LABELS, RATING_LEVELS, RATING_STAGE_LABELS, type EventType, type RatingLevel, type RatingStage } from '../protocol/events';

/**
 * Working days a hall has to rectify after a bad rating (or after a supervisor sends it back).
 * 国办发〔2019〕51号 asks for bad ratings to be rectified within a set time (限期整改); this app
 * sets five working days, one constant to change if the region decides otherwise.
 */
export const RECTIFY_WORKING_DAYS = 5;

/** The deadline a bad rating (or a return) made at `at` sets: RECTIFY_WORKING_DAYS working days on. */
export function rectificationDeadline(calendar: WorkingCalendar, at: Date | string): string {
  return calendar.addWorkingDays(beijingDay(at), RECTIFY_WORKING_DAYS);
}

export const isBadRating = (level: RatingLevel): boolean => BAD_RATINGS.has(level);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const level = (v: unknown): string => ((RATING_LEVELS as readonly unknown[]).includes(v) ? RATING_LABELS[v as RatingLevel] : '');
const stage = (v: unknown): string => (v === 'receipt' || v === 'handover' ? RATING_STAGE_LABELS[v as RatingStage] : '');

/** One line for the timeline about a rating, rectification or supervision event; '' for other types. */
export function feedbackDetail(type: EventType, payload: Record<string, unknown>): string {
  switch (type) {
    case 'rating.submitted': {
      const words = `${stage(payload.stage)}环节：${level(payload.level)}`;
      const comment = str(payload.comment) ? `；意见：${str(payload.comment)}` : '';
      const rect = str(payload.rectifyBy) ? `；已生成整改单，期限 ${str(payload.rectifyBy)}` : '';
      return `${words}${comment}${rect}`;
    }
    case 'rectification.reported':
      return `整改情况：${str(payload.action)}`;
    case 'rectification.closed':
      return str(payload.comment) ? `审核意见：${str(payload.comment)}` : '';
    case 'rectification.returned':
      return `退回原因：${str(payload.reason)}；新期限 ${str(payload.rectifyBy)}`;
    case 'supervision.flagged':
      return `督办事由：${str(payload.reason)}`;
    case 'supervision.answered':
      return `答复：${str(payload.reply)}`;
    default:
      return '';
  }
}
