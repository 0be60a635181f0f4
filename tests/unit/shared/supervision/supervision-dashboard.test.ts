// The dashboard's figures and the cases behind them, against values worked out by hand from the
// fixture's events (supervision-fixture.ts says how each case counts), not from the code's output.
import { describe, expect, it } from 'vitest';
import { caseLine, casesBehind, computeDashboard, indexSpan, type DashboardQuery, type FigureContext } from '../../../../shared/supervision/dashboard';
import { WorkingDayIndex } from '../../../../shared/supervision/day-index';
import { parseFigure, type Figure } from '../../../../shared/supervision/figures';
import { calendar, facts, no, PROMISED, TODAY } from './supervision-fixture';

const all = facts();
const span = indexSpan(all, TODAY);
const ctx: FigureContext = { today: TODAY, index: new WorkingDayIndex(calendar, span.first, span.last), promisedDays: PROMISED };
const YEAR: DashboardQuery = { from: '2026-01-01', to: TODAY, halls: [] };

const behind = (figure: string, q: DashboardQuery = YEAR) => {
  const f = parseFigure(figure);
  if (!f.ok) throw new Error(f.error.message);
  return casesBehind(all, f.value, q, ctx).map((c) => c.caseNo);
};

describe('dashboard over cases of 2026 in every hall', () => {
  const d = computeDashboard(all, YEAR, ctx);

  it('counts the cases accepted in the period by state (C12, of 2025, left out)', () => {
    expect(d.total).toBe(11);
    expect(d.states).toEqual({ received: 1, in_review: 2, needs_correction: 1, approved: 1, rejected: 1, delivered: 4, withdrawn: 1 });
  });

  it('finds C5 overdue and C6 and C8 (its clock stopped with 2 days left) at risk; C7 on time', () => {
    expect(d.risk).toEqual({ at_risk: 2, overdue: 1 });
    expect(behind('risk:overdue')).toEqual([no(5, 'TJ')]);
    // Newest first: C6 came in at 11:00, C8 at 10:00 on the same day.
    expect(behind('risk:at_risk')).toEqual([no(6, 'TJ'), no(8, 'XA')]);
  });

  it('counts one case with an unanswered flag (C6 answered its own)', () => {
    expect(d.flagged).toBe(1);
    expect(behind('flagged')).toEqual([no(5, 'TJ')]);
  });

  it('measures intake to handover in working days, correction days left out', () => {
    // C1 4, C2 3, C3 6, C4 2 → mean 3.75 → 3.8; p90 of [2, 3, 4, 6] is rank ⌈3.6⌉ = 4 → 6.
    expect(d.durations.all).toEqual({ key: '*', label: '全部', count: 4, mean: 3.8, p90: 6 });
    expect(d.durations.byItem).toEqual([
      // BJ-A: C1 4, C2 3, C3 6 → 13 / 3 = 4.3; p90 rank ⌈2.7⌉ = 3 → 6.
      { key: 'BJ-A', label: '事项 BJ-A', count: 3, mean: 4.3, p90: 6 },
      { key: 'TJ-B', label: '事项 TJ-B', count: 1, mean: 2, p90: 2 },
    ]);
    expect(d.durations.byHall).toEqual([
      { key: 'BJ', label: '北京市政务服务中心', count: 1, mean: 2, p90: 2 },
      // TJ: C1 4, C2 3 → 3.5; p90 rank ⌈1.8⌉ = 2 → 4.
      { key: 'TJ', label: '天津市政务服务中心', count: 2, mean: 3.5, p90: 4 },
      { key: 'SJZ', label: '河北省政务服务中心（石家庄）', count: 1, mean: 6, p90: 6 },
    ]);
    expect(behind('duration:hall:TJ')).toEqual([no(2, 'TJ'), no(1, 'TJ')]);
    expect(behind('duration:item:*')).toEqual([no(2, 'TJ'), no(4, 'BJ'), no(1, 'TJ'), no(3, 'SJZ')]);
  });

  it('shows which hall takes cases for which home hall', () => {
    expect(d.flows).toEqual([
      { intakeHallId: 'TJ', homeHallId: 'BJ', count: 6 },
      { intakeHallId: 'BJ', homeHallId: 'TJ', count: 2 },
      { intakeHallId: 'SJZ', homeHallId: 'BJ', count: 1 },
      { intakeHallId: 'SJZ', homeHallId: 'SJZ', count: 1 },
      { intakeHallId: 'XA', homeHallId: 'TJ', count: 1 },
    ]);
    expect(behind('flow:BJ:TJ')).toEqual([no(10, 'BJ'), no(4, 'BJ')]);
  });

  it('rates each hall: 满意率 = (非常满意 + 满意 + 基本满意) / all ratings in the period', () => {
    const levels = (v: number[]) => ({ very_satisfied: v[0], satisfied: v[1], basic: v[2], dissatisfied: v[3], very_dissatisfied: v[4] });
    expect(d.satisfaction.byHall).toEqual([
      { hallId: 'BJ', total: 2, levels: levels([0, 0, 1, 1, 0]), satisfied: 1, rate: 0.5 },
      { hallId: 'TJ', total: 5, levels: levels([1, 2, 0, 1, 1]), satisfied: 3, rate: 0.6 },
      { hallId: 'SJZ', total: 1, levels: levels([0, 1, 0, 0, 0]), satisfied: 1, rate: 1 },
    ]);
    expect(d.satisfaction.all).toMatchObject({ total: 8, satisfied: 5, rate: 0.625 });
    expect(behind('rating:TJ:bad')).toEqual([no(11, 'TJ'), no(2, 'TJ')]);
    expect(behind('rating:*:all')).toHaveLength(6);
  });

  it('follows rectifications: C4 waits for a supervisor, C2 is overdue, C11 was sent back in time', () => {
    expect(d.rectifications.byHall).toEqual([
      { hallId: 'BJ', total: 1, open: 1, reported: 1, overdue: 0, closed: 0 },
      { hallId: 'TJ', total: 2, open: 2, reported: 0, overdue: 1, closed: 0 },
    ]);
    expect(d.rectifications.all).toEqual({ hallId: '*', total: 3, open: 3, reported: 1, overdue: 1, closed: 0 });
    expect(behind('rectification:*:overdue')).toEqual([no(2, 'TJ')]);
    expect(behind('rectification:*:reported')).toEqual([no(4, 'BJ')]);
    expect(behind('rectification:TJ:open')).toEqual([no(11, 'TJ'), no(2, 'TJ')]);
  });

  it('lists as many cases behind each case figure as the figure counts', () => {
    const figures: Figure[] = [
      { kind: 'total' },
      ...(['received', 'in_review', 'needs_correction', 'approved', 'rejected', 'delivered', 'withdrawn'] as const).map((bucket) => ({ kind: 'state' as const, bucket })),
    ];
    for (const f of figures) {
      const count = f.kind === 'total' ? d.total : f.kind === 'state' ? d.states[f.bucket] : 0;
      expect(casesBehind(all, f, YEAR, ctx)).toHaveLength(count);
    }
  });
});

describe('dashboard for chosen halls and periods', () => {
  it('counts for one hall the cases it is involved in, as intake, home or delivery hall', () => {
    const d = computeDashboard(all, { ...YEAR, halls: ['SJZ'] }, ctx);
    expect(d.total).toBe(2);
    expect(d.states).toMatchObject({ in_review: 1, delivered: 1 });
    expect(d.satisfaction.byHall.map((r) => [r.hallId, r.total])).toEqual([['SJZ', 1]]);
    expect(d.rectifications.byHall).toEqual([]);
    // BJ is home hall of C1–C3, C5, C6, C9, C11 and intake hall of C4, C10.
    expect(computeDashboard(all, { ...YEAR, halls: ['BJ'] }, ctx).total).toBe(9);
  });

  it('takes last year in when the period does, with its closed rectification', () => {
    const d = computeDashboard(all, { from: null, to: null, halls: ['TJ'] }, ctx);
    expect(d.total).toBe(10);
    expect(d.rectifications.byHall).toEqual([{ hallId: 'TJ', total: 3, open: 2, reported: 0, overdue: 1, closed: 1 }]);
    // C12: (2025-12-15, 12-17] = 2 more for TJ: [2, 3, 4] → 3, p90 4.
    expect(d.durations.byHall.find((r) => r.key === 'TJ')).toMatchObject({ count: 3, mean: 3, p90: 4 });
  });

  it('counts nothing in a period without cases', () => {
    const d = computeDashboard(all, { from: '2026-07-01', to: '2026-07-31', halls: [] }, ctx);
    expect(d.total).toBe(0);
    expect(d.durations.all).toEqual({ key: '*', label: '全部', count: 0, mean: null, p90: null });
    expect(d.satisfaction.all.rate).toBeNull();
  });
});

describe('a case as its list shows it', () => {
  const line = (n: number) => caseLine(all[n - 1]!, ctx);
  it('gives an open case its promised day and how it stands', () => {
    expect(line(5)).toMatchObject({ dueDate: '2026-11-23', risk: 'overdue', duration: null, openFlags: 1 });
    expect(line(6)).toMatchObject({ dueDate: '2026-11-27', risk: 'at_risk' });
    // C7 has no promise on its event: the catalog's 10 days from 11-25 end on 12-09.
    expect(line(7)).toMatchObject({ dueDate: '2026-12-09', risk: 'ok' });
    // C8 waits for the applicant: no due day while the clock stands still.
    expect(line(8)).toMatchObject({ dueDate: null, risk: 'at_risk' });
  });

  it('gives a delivered case its working days, ratings and rectifications, and a decided one no promise', () => {
    expect(line(2)).toMatchObject({
      dueDate: null,
      risk: null,
      duration: 3,
      ratings: [{ hallId: 'TJ', level: 'very_dissatisfied', stage: 'receipt' }],
      rectifications: [{ hallId: 'TJ', status: 'open', dueDate: '2026-11-16', overdue: true }],
    });
    expect(line(11).rectifications).toMatchObject([{ status: 'returned', dueDate: '2026-11-30', overdue: false }]);
  });
});

describe('figure names', () => {
  it('read back what they write, and refuse anything else with a reason', () => {
    for (const s of ['total', 'flagged', 'state:delivered', 'risk:at_risk', 'duration:item:BJ-A', 'duration:hall:*', 'flow:TJ:BJ', 'rating:*:bad', 'rating:TJ:basic', 'rectification:BJ:overdue']) {
      expect(parseFigure(s).ok, s).toBe(true);
    }
    for (const s of ['', 'state:flying', 'risk:late', 'flow:tj:BJ', 'rating:TJ:good', 'rectification:TJ:lost', 'total:1', 'state:delivered:x']) {
      const r = parseFigure(s);
      expect(r.ok ? 'accepted' : r.error.message, s).toMatch(/^无法识别的统计项/);
    }
  });
});
