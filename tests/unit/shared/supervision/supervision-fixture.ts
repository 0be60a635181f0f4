// Cases in every state across the four halls, with ratings, rectifications and flags, built from
// events at known Beijing times on the official 2026 calendar. The dashboard tests state what these
// must give, worked out by hand in their comments.
import { readFileSync } from 'node:fs';
import { calendarYearSchema } from '../../../../shared/calendar/calendar-data';
import { WorkingCalendar } from '../../../../shared/calendar/working-days';
import { foldCase, type CaseView } from '../../../../shared/case/projection';
import { Event, type EventType } from '../../../../shared/protocol/events';
import { caseFact, type CaseFact } from '../../../../shared/supervision/case-fact';
import { CERT_ID, makeEvent, receivedPayload, samplePayload } from '../../../support/events';

export const calendar = new WorkingCalendar(
  [2025, 2026, 2027].map((y) => calendarYearSchema.parse(JSON.parse(readFileSync(`resources/calendar/${y}.json`, 'utf8')))),
);

/** 10:00 Beijing time on a day. */
export const at = (day: string, hour = 10) => `${day}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;

type Step = [type: EventType, day: string, hallId: string, payload?: Record<string, unknown>];

let seq = 0;
export function caseOf(
  n: number,
  o: { intake: string; home: string; delivery?: string; item: string; promised?: number; received: string; hour?: number },
  steps: Step[],
): CaseView {
  const caseId = `0193b1c2-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const received = receivedPayload({
    caseNo: `${o.intake}01A-20261101-${String(n).padStart(4, '0')}X`,
    itemCode: o.item,
    itemName: `事项 ${o.item}`,
    intakeHallId: o.intake,
    homeHallId: o.home,
    deliveryHallId: o.delivery ?? o.intake,
  });
  if (o.promised === undefined) delete received.promisedDays;
  else received.promisedDays = o.promised;
  const events = [
    makeEvent('case.received', received, { caseId, hallId: o.intake, at: at(o.received, o.hour) }),
    ...steps.map(([type, day, hallId, payload]) =>
      makeEvent(type, (payload ?? samplePayload(type, caseId)) as never, { caseId, hallId, at: at(day), deviceSeq: ++seq }),
    ),
  ].map((e) => Event.parse(e));
  const { view, refused } = foldCase(events);
  if (!view || refused.length) throw new Error(`fixture case ${n}: ${JSON.stringify(refused.map((r) => r.error))}`);
  return view;
}

const DELIVER = (d: string, delivery: string, home: string): Step[] => [
  ['case.review_started', d, home],
  ['case.approved', d, home],
  ['certificate.issued', d, home],
  ['case.printed', d, delivery, { certificateId: CERT_ID, copies: 1 }],
  ['case.delivered', d, delivery],
];
const rating = (id: number, stage: 'receipt' | 'handover', level: string, rectifyBy?: string) => ({
  ratingId: `0193b1c2-0000-7000-8000-${String(9000 + id).padStart(12, '0')}`,
  stage,
  level,
  comment: level.includes('dis') ? '等候时间太长' : '',
  ...(rectifyBy ? { rectifyBy } : {}),
});
export const RECT = (id: number) => `0193b1c2-0000-7000-8000-${String(9000 + id).padStart(12, '0')}`;
const FLAG = (id: number) => `0193b1c2-0000-7000-8000-${String(8000 + id).padStart(12, '0')}`;

export const TODAY = '2026-11-26';
export const PROMISED = new Map([
  ['BJ-A', 5],
  ['TJ-B', 3],
  ['SJZ-C', 10],
]);

export function fixture(): CaseView[] {
  return [
    // C1 delivered: (11-02, 11-06] = 4 working days. Rated at TJ: receipt 非常满意, handover 满意.
    caseOf(1, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-02' }, [
      ['rating.submitted', '2026-11-02', 'TJ', rating(1, 'receipt', 'very_satisfied')],
      ...DELIVER('2026-11-06', 'TJ', 'BJ'),
      ['rating.submitted', '2026-11-06', 'TJ', rating(2, 'handover', 'satisfied')],
    ]),
    // C2 delivered: (11-09, 11-16] = 5 working days, less the correction 11-10 → 11-12 (days 10, 11) = 3.
    // Rated 非常不满意 at TJ on 11-09: rectification due 11-16, never reported → overdue today.
    caseOf(2, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-09' }, [
      ['rating.submitted', '2026-11-09', 'TJ', rating(3, 'receipt', 'very_dissatisfied', '2026-11-16')],
      ['case.review_started', '2026-11-09', 'BJ'],
      ['case.correction_requested', '2026-11-10', 'BJ'],
      ['case.correction_submitted', '2026-11-12', 'TJ'],
      ['case.approved', '2026-11-16', 'BJ'],
      ['certificate.issued', '2026-11-16', 'BJ'],
      ['case.printed', '2026-11-16', 'TJ', { certificateId: CERT_ID, copies: 1 }],
      ['case.delivered', '2026-11-16', 'TJ'],
    ]),
    // C3 delivered across the National Day holiday: 9-29, 9-30, 10-08, 10-09, 10-10 (an adjusted
    // Saturday), 10-12 = 6 working days. Handover rated 满意 at SJZ.
    caseOf(3, { intake: 'SJZ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-09-28' }, [
      ...DELIVER('2026-10-12', 'SJZ', 'BJ'),
      ['rating.submitted', '2026-10-12', 'SJZ', rating(4, 'handover', 'satisfied')],
    ]),
    // C4 delivered: (11-03, 11-05] = 2. Rated at BJ: receipt 基本满意, handover 不满意 → rectification
    // due 11-12, reported by BJ on 11-06 (waiting for a supervisor).
    caseOf(4, { intake: 'BJ', home: 'TJ', item: 'TJ-B', promised: 3, received: '2026-11-03' }, [
      ['rating.submitted', '2026-11-03', 'BJ', rating(5, 'receipt', 'basic')],
      ...DELIVER('2026-11-05', 'BJ', 'TJ'),
      ['rating.submitted', '2026-11-05', 'BJ', rating(6, 'handover', 'dissatisfied', '2026-11-12')],
      ['rectification.reported', '2026-11-06', 'BJ', { rectificationId: RECT(6), action: '窗口增设叫号提醒' }],
    ]),
    // C5 in review, promised 5 from Mon 11-16: due 11-23 → overdue on 11-26. Flagged, unanswered.
    caseOf(5, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-16' }, [
      ['case.review_started', '2026-11-17', 'BJ'],
      ['supervision.flagged', '2026-11-24', 'BJ', { flagId: FLAG(1), reason: '已超期，请尽快办结' }],
    ]),
    // C6 received Fri 11-20 11:00, promised 5: due 11-27; by 11-26 four days used, one left → at risk.
    // Flagged and answered.
    caseOf(6, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-20', hour: 11 }, [
      ['supervision.flagged', '2026-11-25', 'BJ', { flagId: FLAG(2), reason: '临期' }],
      ['supervision.answered', '2026-11-25', 'BJ', { flagId: FLAG(2), reply: '明日办结' }],
    ]),
    // C7 in review, no promise on the event (catalog: 10), received 11-25: one day used → ok.
    caseOf(7, { intake: 'SJZ', home: 'SJZ', item: 'SJZ-C', received: '2026-11-25' }, [['case.review_started', '2026-11-25', 'SJZ']]),
    // C8 waits for correction: promised 3 from Fri 11-20, 11-23 counted, clock stopped 11-24 → 2 left → at risk.
    caseOf(8, { intake: 'XA', home: 'TJ', item: 'TJ-B', promised: 3, received: '2026-11-20' }, [
      ['case.review_started', '2026-11-23', 'TJ'],
      ['case.correction_requested', '2026-11-24', 'TJ'],
    ]),
    // C9 rejected; rated 满意 at TJ.
    caseOf(9, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-04' }, [
      ['rating.submitted', '2026-11-04', 'TJ', rating(7, 'receipt', 'satisfied')],
      ['case.review_started', '2026-11-05', 'BJ'],
      ['case.rejected', '2026-11-06', 'BJ'],
    ]),
    // C10 withdrawn.
    caseOf(10, { intake: 'BJ', home: 'TJ', item: 'TJ-B', promised: 3, received: '2026-11-05' }, [['case.withdrawn', '2026-11-05', 'BJ']]),
    // C11 approved, certificate issued, not yet delivered. Rated 不满意 at TJ 11-18 (due 11-25),
    // reported 11-20, sent back 11-23 with a new deadline 11-30 → waiting for TJ, not overdue.
    caseOf(11, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2026-11-18' }, [
      ['rating.submitted', '2026-11-18', 'TJ', rating(8, 'receipt', 'dissatisfied', '2026-11-25')],
      ['case.review_started', '2026-11-19', 'BJ'],
      ['rectification.reported', '2026-11-20', 'TJ', { rectificationId: RECT(8), action: '已致电申请人说明情况' }],
      ['rectification.returned', '2026-11-23', 'BJ', { rectificationId: RECT(8), reason: '未说明改进措施', rectifyBy: '2026-11-30' }],
      ['case.approved', '2026-11-24', 'BJ'],
      ['certificate.issued', '2026-11-24', 'BJ'],
    ]),
    // C12, last year: delivered (12-15, 12-17] = 2; rated 非常不满意 at TJ, rectified and closed.
    caseOf(12, { intake: 'TJ', home: 'BJ', item: 'BJ-A', promised: 5, received: '2025-12-15' }, [
      ['rating.submitted', '2025-12-15', 'TJ', rating(9, 'receipt', 'very_dissatisfied', '2025-12-22')],
      ...DELIVER('2025-12-17', 'TJ', 'BJ'),
      ['rectification.reported', '2025-12-17', 'TJ', { rectificationId: RECT(9), action: '已整改' }],
      ['rectification.closed', '2025-12-18', 'BJ', { rectificationId: RECT(9), comment: '' }],
    ]),
  ];
}

export const facts = (): CaseFact[] => fixture().map(caseFact);
/** Case number n of the fixture, as the lists show it. */
export const no = (n: number, intake: string) => `${intake}01A-20261101-${String(n).padStart(4, '0')}X`;
