// The contract's rating, rectification and supervision-flag events: what they leave on a case,
// who may write them, and every refusal, in the words the clerk sees.
import { describe, expect, it } from 'vitest';
import { availableActions, checkEvent } from '../../../../shared/case/actions';
import type { Principal } from '../../../../shared/case/permissions';
import { applyEvent, foldCase, type CaseView } from '../../../../shared/case/projection';
import { Event, type EventType } from '../../../../shared/protocol/events';
import { validateEvent } from '../../../../shared/protocol/validate-event';
import { caseFact } from '../../../../shared/supervision/case-fact';
import { rectificationDeadline } from '../../../../shared/supervision/record';
import { CERT_ID, FLAG_ID, makeEvent, RATING_ID, receivedPayload, samplePayload } from '../../../support/events';
import { calendar } from './supervision-fixture';

const caseId = '0193b1c2-0000-7000-8000-0000000000ee';
// The sample case (tests/support/events.ts HALLS): taken in TJ for a BJ item, collected in TJ.
const ev = (type: EventType, payload?: Record<string, unknown>, hallId = 'TJ', at?: string) =>
  Event.parse(makeEvent(type, (payload ?? samplePayload(type, caseId)) as never, { caseId, hallId, ...(at ? { at } : {}) }));

function fold(...events: Event[]): CaseView {
  const { view, refused } = foldCase([ev('case.received', receivedPayload()), ...events]);
  expect(refused.map((r) => r.error.message)).toEqual([]);
  return view!;
}

const refusal = (view: CaseView, event: Event) => {
  const r = applyEvent(view, event);
  return r.ok ? 'accepted' : r.error.message;
};

const bad = { ratingId: RATING_ID, stage: 'receipt', level: 'dissatisfied', comment: '排队太久', rectifyBy: '2026-12-02' };
const delivered = (): Event[] => [
  ev('case.review_started', undefined, 'BJ'),
  ev('case.approved', undefined, 'BJ'),
  ev('certificate.issued', undefined, 'BJ'),
  ev('case.printed', { certificateId: CERT_ID, copies: 1 }),
  ev('case.delivered'),
];

describe('a rating (好差评)', () => {
  it('is kept with the hall rated; a good one opens no rectification', () => {
    const view = fold(ev('rating.submitted'));
    expect(view.ratings).toMatchObject([{ ratingId: RATING_ID, stage: 'receipt', level: 'satisfied', comment: '', actor: { hallId: 'TJ' } }]);
    expect(view.rectifications).toBeUndefined();
    expect(view.state).toBe('received');
  });

  it('不满意 opens a rectification for the hall rated, due when the rating says', () => {
    const view = fold(ev('rating.submitted', bad));
    expect(view.rectifications).toEqual([
      { rectificationId: RATING_ID, hallId: 'TJ', stage: 'receipt', level: 'dissatisfied', comment: '排队太久', openedAt: view.ratings![0]!.at, dueDate: '2026-12-02', status: 'open', steps: [] },
    ]);
  });

  it('is given once per stage, where the applicant was served, and at handover only after it', () => {
    const rated = fold(ev('rating.submitted'));
    expect(refusal(rated, ev('rating.submitted', { ...bad, ratingId: '0193b1c2-0000-7000-8000-0000000000f1' }))).toBe('申请人已对本办件的“受理”环节作出评价');
    const handover = { ...bad, ratingId: '0193b1c2-0000-7000-8000-0000000000f2', stage: 'handover' };
    expect(refusal(rated, ev('rating.submitted', handover))).toBe('证照交付之后才能评价交付环节');
    expect(refusal(rated, ev('rating.submitted', { ...bad, ratingId: '0193b1c2-0000-7000-8000-0000000000f3' }, 'BJ'))).toBe('受理环节的评价须在受理的营业厅记录');
    const done = fold(ev('rating.submitted'), ...delivered());
    expect(refusal(done, ev('rating.submitted', { ...bad, stage: 'handover' }))).toBe('评价编号重复');
    expect(refusal(done, ev('rating.submitted', handover, 'BJ'))).toBe('交付环节的评价须在交付证照的营业厅记录');
    expect(refusal(done, ev('rating.submitted', handover))).toBe('accepted');
  });

  it('carries a deadline exactly when it is bad, never before the day it is given', () => {
    const check = (payload: Record<string, unknown>) => {
      const r = validateEvent(makeEvent('rating.submitted', payload as never, { caseId, at: '2026-11-25T02:00:00.000Z' }));
      return r.ok ? 'ok' : r.error.message;
    };
    expect(check(bad)).toBe('ok');
    expect(check({ ...bad, rectifyBy: undefined })).toBe('不满意、非常不满意的评价须给出整改期限');
    expect(check({ ...bad, level: 'basic' })).toBe('只有不满意、非常不满意的评价才有整改期限');
    expect(check({ ...bad, rectifyBy: '2026-11-24' })).toBe('整改期限不能早于设定当天');
    expect(check({ ...bad, rectifyBy: '2026-02-30' })).toBe('整改期限不是有效日期：2026-02-30');
    expect(check({ ...bad, level: 'great' })).toMatch(/^payload\.level/);
  });

  it('sets five working days to rectify on the official calendar (over the New Year holiday)', () => {
    // 2026-12-30 Wed → 12-31, (1-1 元旦 holiday), 1-4, 1-5, 1-6, 1-7.
    expect(rectificationDeadline(calendar, '2026-12-30T02:00:00.000Z')).toBe('2027-01-07');
    // 2026-11-25 Wed 23:00 Beijing is still the 25th.
    expect(rectificationDeadline(calendar, '2026-11-25T15:00:00.000Z')).toBe('2026-12-02');
  });
});

describe('a rectification (整改)', () => {
  const reported = (hallId = 'TJ') => ev('rectification.reported', { rectificationId: RATING_ID, action: '对窗口人员进行培训并回访申请人' }, hallId);
  const returned = ev('rectification.returned', { rectificationId: RATING_ID, reason: '未回访申请人', rectifyBy: '2026-12-09' }, 'BJ');
  const closed = ev('rectification.closed', { rectificationId: RATING_ID, comment: '整改到位' }, 'BJ');

  it('is reported by the hall, sent back with a new deadline, reported again and closed', () => {
    const view = fold(ev('rating.submitted', bad), reported(), returned, reported(), closed);
    const r = view.rectifications![0]!;
    expect(r.status).toBe('closed');
    expect(r.dueDate).toBe('2026-12-09');
    expect(r.closedAt).toBe(closed.at);
    expect(r.steps.map((s) => [s.kind, s.text])).toEqual([
      ['reported', '对窗口人员进行培训并回访申请人'],
      ['returned', '未回访申请人'],
      ['reported', '对窗口人员进行培训并回访申请人'],
      ['closed', '整改到位'],
    ]);
  });

  it('refuses each step out of turn, or by a hall that was not rated', () => {
    const open = fold(ev('rating.submitted', bad));
    expect(refusal(open, reported('BJ'))).toBe('只有被评价的营业厅可以登记整改情况');
    expect(refusal(open, closed)).toBe('被评价的营业厅尚未登记整改情况');
    expect(refusal(open, returned)).toBe('被评价的营业厅尚未登记整改情况');
    const waiting = fold(ev('rating.submitted', bad), reported());
    expect(refusal(waiting, reported())).toBe('整改情况已登记，等待督查员审核');
    const sentBack = fold(ev('rating.submitted', bad), reported(), returned);
    expect(refusal(sentBack, closed)).toBe('整改已退回，被评价的营业厅尚未重新登记整改情况');
    const done = fold(ev('rating.submitted', bad), reported(), closed);
    expect(refusal(done, reported())).toBe('该整改已办结');
    expect(refusal(done, returned)).toBe('该整改已办结');
    expect(refusal(fold(), reported())).toBe('本办件没有这项整改');
  });

  it('is sent back only with a deadline not before the day', () => {
    const r = validateEvent(makeEvent('rectification.returned', { rectificationId: RATING_ID, reason: 'x', rectifyBy: '2026-11-01' }, { caseId, at: '2026-11-25T02:00:00.000Z' }));
    expect(r.ok ? 'ok' : r.error.message).toBe('整改期限不能早于设定当天');
  });
});

describe('a supervision flag (督办)', () => {
  it('waits for the home hall, which answers it once', () => {
    const flagged = fold(ev('supervision.flagged', undefined, 'BJ'));
    expect(flagged.flags).toMatchObject([{ flagId: FLAG_ID, reason: '临近承诺期限，请主管厅优先审核' }]);
    expect(caseFact(flagged).openFlags).toBe(1);
    const answered = fold(ev('supervision.flagged', undefined, 'BJ'), ev('supervision.answered', undefined, 'BJ'));
    expect(answered.flags![0]!.answer).toMatchObject({ text: '已安排专人审核，今日办结', actor: { hallId: 'BJ' } });
    expect(caseFact(answered).openFlags).toBe(0);
    expect(refusal(answered, ev('supervision.answered', undefined, 'BJ'))).toBe('该督办已答复');
    expect(refusal(flagged, ev('supervision.flagged', undefined, 'BJ'))).toBe('督办编号重复');
    expect(refusal(fold(), ev('supervision.answered', undefined, 'BJ'))).toBe('本办件没有这项督办');
  });
});

describe('who writes them (the hub’s check)', () => {
  const principal = (hallId: string, role: Principal['roles'][number], scope: Principal['scope'] = 'hall'): Principal => ({ staffId: `${hallId}-${role}`, hallId, roles: [role], scope });
  const as = (p: Principal, type: EventType, payload?: Record<string, unknown>) =>
    Event.parse(makeEvent(type, (payload ?? samplePayload(type, caseId)) as never, { caseId, staffId: p.staffId, hallId: p.hallId }));
  const verdict = (p: Principal, view: CaseView, type: EventType, payload?: Record<string, unknown>) => {
    const r = checkEvent(p, as(p, type, payload), view);
    return r.ok ? 'ok' : r.error.code;
  };
  const view = fold(ev('rating.submitted', bad), ev('supervision.flagged', undefined, 'BJ'));

  it('lets a region supervisor flag any case and judge a reported rectification', () => {
    const sup = principal('XA', 'supervisor', 'region');
    expect(verdict(sup, view, 'supervision.flagged', { flagId: '0193b1c2-0000-7000-8000-0000000000f9', reason: '请核查' })).toBe('ok');
    const reported = applyEvent(view, ev('rectification.reported', { rectificationId: RATING_ID, action: '已整改' }));
    expect(reported.ok).toBe(true);
    if (reported.ok) expect(verdict(sup, reported.value, 'rectification.closed')).toBe('ok');
    expect(verdict(principal('XA', 'supervisor'), view, 'supervision.flagged')).toBe('FORBIDDEN');
  });

  it('lets only a clerk of the serving hall record a rating, and only the home hall answer a flag', () => {
    expect(verdict(principal('TJ', 'clerk'), fold(), 'rating.submitted')).toBe('ok');
    expect(verdict(principal('TJ', 'reviewer'), fold(), 'rating.submitted')).toBe('FORBIDDEN');
    expect(verdict(principal('BJ', 'clerk'), fold(), 'rating.submitted')).toBe('FORBIDDEN');
    expect(verdict(principal('BJ', 'reviewer'), view, 'supervision.answered')).toBe('ok');
    expect(verdict(principal('TJ', 'clerk'), view, 'supervision.answered')).toBe('FORBIDDEN');
    expect(verdict(principal('TJ', 'clerk'), view, 'rectification.closed')).toBe('FORBIDDEN');
  });

  it('never offers them among the case actions: each is offered beside its item', () => {
    const sup = principal('XA', 'supervisor', 'region');
    expect(availableActions(view, sup)).toEqual(['case.note_added']);
    expect(availableActions(view, principal('TJ', 'clerk'))).toEqual(['case.updated', 'case.withdrawn', 'case.note_added']);
  });
});
