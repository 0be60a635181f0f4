// The work that waits for this hall, by role (issue: work queues): what the reviewers must decide,
// the corrections and certificates the clerks must handle, and the cases close to their deadline.
import type { Role } from '../../../shared/protocol/primitives';
import type { CaseRow } from '../../data/db';
import { toListItem, type CaseListItem, type DeadlineContext } from '../cases/list-item';

export type QueueKey = 'review' | 'corrections' | 'issuance' | 'deadline' | 'flags' | 'rectification' | 'rectification_review';

/** A queue; its title and its empty text are in renderer/i18n (workbench.queue, workbench.empty). */
export interface QueueDef {
  key: QueueKey;
  /** Who works this queue; the workbench shows the queues of the staff member's roles. */
  roles: readonly Role[];
}

export const QUEUES: readonly QueueDef[] = [
  { key: 'review', roles: ['reviewer'] },
  { key: 'corrections', roles: ['clerk'] },
  { key: 'issuance', roles: ['clerk'] },
  { key: 'deadline', roles: ['clerk', 'reviewer', 'supervisor'] },
  // Supervision (issue 7): flags for the home hall, rectifications of bad ratings for the hall rated,
  // and the hall's reports for a supervisor to close or send back.
  { key: 'flags', roles: ['clerk', 'reviewer', 'supervisor'] },
  { key: 'rectification', roles: ['clerk', 'supervisor'] },
  { key: 'rectification_review', roles: ['supervisor'] },
];

export type Queues = Record<QueueKey, CaseListItem[]>;

const byDue = (a: CaseListItem, b: CaseListItem) =>
  (a.deadline?.dueDate ?? '9999') < (b.deadline?.dueDate ?? '9999')
    ? -1
    : (a.deadline?.dueDate ?? '9999') > (b.deadline?.dueDate ?? '9999')
      ? 1
      : a.receivedAt.localeCompare(b.receivedAt);

/**
 * Sorts the hall's active cases into its queues. Review is oldest deadline first (a case paused for
 * correction has none and waits at the end); corrections and issuance oldest first.
 */
export function buildQueues(
  rows: readonly CaseRow[],
  hallId: string,
  ctx: DeadlineContext,
): Queues {
  const q: Queues = { review: [], corrections: [], issuance: [], deadline: [], flags: [], rectification: [], rectification_review: [] };
  const since = new Map<string, string>();
  for (const row of rows) {
    const v = row.view;
    const item = toListItem(row, ctx);
    if (v.halls.homeHallId === hallId && (v.state === 'received' || v.state === 'in_review'))
      q.review.push(item);
    if (v.halls.intakeHallId === hallId && v.state === 'needs_correction') {
      q.corrections.push(item);
      since.set(row.caseId, v.correction?.at ?? v.updatedAt);
    }
    if (
      v.halls.deliveryHallId === hallId &&
      (v.state === 'certificate_issued' || v.state === 'printed')
    ) {
      q.issuance.push(item);
      since.set(row.caseId, v.certificate?.certificate.issuedAt ?? v.updatedAt);
    }
    const involved =
      v.halls.homeHallId === hallId ||
      v.halls.intakeHallId === hallId ||
      v.halls.deliveryHallId === hallId;
    if (involved && (item.deadline?.risk === 'at_risk' || item.deadline?.risk === 'overdue'))
      q.deadline.push(item);
    const attention = row.attention ?? [];
    if (attention.includes(`flag:${hallId}`)) q.flags.push(item);
    if (attention.includes(`rect:${hallId}`)) q.rectification.push(item);
    if (attention.some((k) => k.startsWith('rect-review:'))) q.rectification_review.push(item);
  }
  const bySince = (a: CaseListItem, b: CaseListItem) =>
    (since.get(a.caseId) ?? '').localeCompare(since.get(b.caseId) ?? '');
  q.review.sort(byDue);
  q.corrections.sort(bySince);
  q.issuance.sort(bySince);
  q.deadline.sort(byDue);
  return q;
}

export function queuesFor(roles: readonly Role[]): QueueDef[] {
  return QUEUES.filter((d) => d.roles.some((r) => roles.includes(r)));
}
