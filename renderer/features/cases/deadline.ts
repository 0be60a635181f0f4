// A case's promised date and how it stands against it, on the official working-day calendar.
import type { RiskLevel, WorkingCalendar } from '../../../shared/calendar/working-days';
import type { CaseView } from '../../../shared/case/projection';

import { OPEN_STATES } from '../../data/case-due';

export { OPEN_STATES };

export type DeadlineFilter = 'at_risk' | 'overdue' | 'late';

export interface CaseDeadline {
  /** The promised date (Beijing day); null while an open correction stops the clock. */
  dueDate: string | null;
  /** Counted over a year whose official holiday schedule is not in the data yet. */
  provisional: boolean;
  paused: boolean;
  /** Working days left after today (0 on the due day); null when the case is decided. */
  remaining: number | null;
  /** How the case stands now; null once decided or withdrawn (the promise no longer runs). */
  risk: RiskLevel | null;
}

export type DeadlineInputView = Pick<CaseView, 'state' | 'receivedAt' | 'promisedDays' | 'pauses'>;

/**
 * The deadline of a case, or null when its promised days are unknown (neither the event nor the
 * catalog gives them) or the calendar cannot count them.
 */
export function caseDeadline(view: DeadlineInputView, calendar: WorkingCalendar, catalogDays: number | undefined, now: Date): CaseDeadline | null {
  const promisedDays = view.promisedDays ?? catalogDays;
  if (promisedDays === undefined) return null;
  try {
    const d = calendar.computeDeadline({ acceptedAt: view.receivedAt, promisedDays, pauses: view.pauses });
    const open = OPEN_STATES.includes(view.state);
    return {
      dueDate: d.dueDate,
      provisional: d.provisional,
      paused: d.paused,
      remaining: open ? calendar.remainingWorkingDays(d, now) : null,
      risk: open ? calendar.riskLevel(d, now) : null,
    };
  } catch {
    return null;
  }
}

export function matchesDeadlineFilter(filter: DeadlineFilter, deadline: CaseDeadline | null): boolean {
  const risk = deadline?.risk;
  if (filter === 'late') return risk === 'at_risk' || risk === 'overdue';
  return risk === filter;
}

/** The tag color of each risk level (their names are in renderer/i18n: cases.risk). */
export const RISK_COLORS: Record<RiskLevel, string> = { ok: 'green', at_risk: 'orange', overdue: 'red' };

/** The deadline filters, in the order shown (their names: cases.deadlineFilter). */
export const DEADLINE_FILTERS: readonly DeadlineFilter[] = ['at_risk', 'overdue', 'late'];
