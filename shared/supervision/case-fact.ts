// One case as the supervision dashboard counts it: a few dozen bytes taken from the projection once,
// when the case changes, so that a dashboard over 200,000 cases never folds or reads a whole case.
// Facts hold dates, not deadlines: the working-day calendar is applied when the figures are made,
// so a new year's holiday schedule changes the figures without rebuilding a fact.
import type { CaseView } from '../case/projection';
import type { CaseState } from '../case/states';
import type { RatingLevel, RatingStage } from '../protocol/events';
import { beijingDayOf, dayOf } from './day-index';
import type { PauseDays } from './fast-deadline';
import type { RectificationStatus } from './feedback';

export interface RatingFact {
  /** The hall rated (where the applicant was served). */
  hallId: string;
  level: RatingLevel;
  stage: RatingStage;
  /** Beijing day number of the rating. */
  day: number;
}

export interface RectificationFact {
  id: string;
  hallId: string;
  status: RectificationStatus;
  /** Beijing day number of the bad rating that opened it. */
  openedDay: number;
  /** Day number of the current deadline. */
  dueDay: number;
}

export interface CaseFact {
  caseId: string;
  caseNo: string;
  /** For the lists and their export; supervisors may read every case in their scope. */
  applicantName: string;
  state: CaseState;
  itemCode: string;
  itemName: string;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  /** Beijing day number of acceptance. */
  receivedDay: number;
  /** The promise the case was accepted with; null: the catalog's for the item. */
  promisedDays: number | null;
  /** Correction pauses as Beijing days, only when there were any (most cases have none). */
  pauses?: PauseDays[];
  /** Beijing day number of the handover. */
  deliveredDay: number | null;
  ratings?: RatingFact[];
  rectifications?: RectificationFact[];
  /** Supervision flags the home hall has not answered yet. */
  openFlags: number;
}

export function caseFact(view: CaseView): CaseFact {
  const fact: CaseFact = {
    caseId: view.caseId,
    caseNo: view.caseNo,
    applicantName: view.applicant.name,
    state: view.state,
    itemCode: view.itemCode,
    itemName: view.itemName ?? view.itemCode,
    intakeHallId: view.halls.intakeHallId,
    homeHallId: view.halls.homeHallId,
    deliveryHallId: view.halls.deliveryHallId,
    receivedAt: view.receivedAt,
    receivedDay: beijingDayOf(view.receivedAt),
    promisedDays: view.promisedDays ?? null,
    deliveredDay: view.delivery ? beijingDayOf(view.delivery.at) : null,
    openFlags: (view.flags ?? []).filter((f) => !f.answer).length,
  };
  if (view.pauses.length > 0) fact.pauses = view.pauses.map((p) => [beijingDayOf(p.from), p.to !== undefined ? beijingDayOf(p.to) : null] as const);
  if (view.ratings?.length) {
    fact.ratings = view.ratings.map((r) => ({ hallId: r.actor.hallId, level: r.level, stage: r.stage, day: beijingDayOf(r.at) }));
  }
  if (view.rectifications?.length) {
    fact.rectifications = view.rectifications.map((r) => ({
      id: r.rectificationId,
      hallId: r.hallId,
      status: r.status,
      openedDay: beijingDayOf(r.openedAt),
      dueDay: dayOf(r.dueDate),
    }));
  }
  return fact;
}
