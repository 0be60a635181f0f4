// The rating event's payload as the counter writes it: a new id, and for a bad rating the deadline
// its rectification gets (shared/supervision/record.ts, on this counter's official calendar).
import { v7 as uuidv7 } from 'uuid';
import type { WorkingCalendar } from '../../../shared/calendar/working-days';
import { BAD_RATINGS, type PayloadOf, type RatingLevel, type RatingStage } from '../../../shared/protocol/events';
import { rectificationDeadline } from '../../../shared/supervision/record';

export function ratingPayload(stage: RatingStage, level: RatingLevel, comment: string, calendar: WorkingCalendar, now: Date): PayloadOf<'rating.submitted'> {
  return {
    ratingId: uuidv7(),
    stage,
    level,
    comment,
    ...(BAD_RATINGS.has(level) ? { rectifyBy: rectificationDeadline(calendar, now) } : {}),
  };
}
