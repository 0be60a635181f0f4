// Every transition and every refused transition of the case state machine, against a table
// written out by hand here (not derived from the code under test).
import { describe, expect, it } from 'vitest';
import { applyEvent, foldCase, type CaseView } from '../../../../shared/case/projection';
import { CASE_STATES, FINAL_STATES, type CaseState } from '../../../../shared/case/states';
import { EVENT_TYPES, Event, type EventType } from '../../../../shared/protocol/events';
import { CERT_ID, makeEvent, samplePayload } from '../../../support/events';

const CASE_ID = '0193b1c2-0000-7000-8000-0000000000aa';

/** The events that bring a fresh case into each state. */
const PATHS: Record<CaseState, EventType[]> = {
  received: ['case.received'],
  in_review: ['case.received', 'case.review_started'],
  needs_correction: ['case.received', 'case.review_started', 'case.correction_requested'],
  approved: ['case.received', 'case.review_started', 'case.approved'],
  certificate_issued: ['case.received', 'case.review_started', 'case.approved', 'certificate.issued'],
  printed: ['case.received', 'case.review_started', 'case.approved', 'certificate.issued', 'case.printed'],
  delivered: ['case.received', 'case.review_started', 'case.approved', 'certificate.issued', 'case.printed', 'case.delivered'],
  rejected: ['case.received', 'case.review_started', 'case.rejected'],
  withdrawn: ['case.received', 'case.withdrawn'],
};

// state → event type → the state it leads to, or 'refused'. A rating or a flag changes no state;
// a rectification step or a flag's answer needs an item the sample case does not hold, so it is
// refused in every state here (supervision-events.test.ts walks them on cases that hold one).
const R = 'refused' as const;
const EXPECTED: Record<CaseState | 'none', Record<EventType, CaseState | typeof R>> = {
  none: { 'case.received': 'received', 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': R, 'consult.started': R, 'consult.ended': R, 'rating.submitted': R, 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': R, 'supervision.answered': R },
  received: { 'case.received': R, 'case.updated': 'received', 'case.review_started': 'in_review', 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': 'withdrawn', 'case.note_added': 'received', 'consult.started': 'received', 'consult.ended': 'received', 'rating.submitted': 'received', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'received', 'supervision.answered': R },
  in_review: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': 'needs_correction', 'case.correction_submitted': R, 'case.approved': 'approved', 'case.rejected': 'rejected', 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': 'withdrawn', 'case.note_added': 'in_review', 'consult.started': 'in_review', 'consult.ended': 'in_review', 'rating.submitted': 'in_review', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'in_review', 'supervision.answered': R },
  needs_correction: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': 'in_review', 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': 'withdrawn', 'case.note_added': 'needs_correction', 'consult.started': 'needs_correction', 'consult.ended': 'needs_correction', 'rating.submitted': 'needs_correction', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'needs_correction', 'supervision.answered': R },
  approved: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': 'certificate_issued', 'case.printed': R, 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': 'approved', 'consult.started': 'approved', 'consult.ended': 'approved', 'rating.submitted': 'approved', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'approved', 'supervision.answered': R },
  certificate_issued: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': 'printed', 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': 'certificate_issued', 'consult.started': 'certificate_issued', 'consult.ended': 'certificate_issued', 'rating.submitted': 'certificate_issued', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'certificate_issued', 'supervision.answered': R },
  printed: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': 'printed', 'case.delivered': 'delivered', 'case.withdrawn': R, 'case.note_added': 'printed', 'consult.started': 'printed', 'consult.ended': 'printed', 'rating.submitted': 'printed', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'printed', 'supervision.answered': R },
  delivered: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': 'delivered', 'consult.started': 'delivered', 'consult.ended': 'delivered', 'rating.submitted': 'delivered', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'delivered', 'supervision.answered': R },
  rejected: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': 'rejected', 'consult.started': 'rejected', 'consult.ended': 'rejected', 'rating.submitted': 'rejected', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'rejected', 'supervision.answered': R },
  withdrawn: { 'case.received': R, 'case.updated': R, 'case.review_started': R, 'case.correction_requested': R, 'case.correction_submitted': R, 'case.approved': R, 'case.rejected': R, 'certificate.issued': R, 'case.printed': R, 'case.delivered': R, 'case.withdrawn': R, 'case.note_added': 'withdrawn', 'consult.started': 'withdrawn', 'consult.ended': 'withdrawn', 'rating.submitted': 'withdrawn', 'rectification.reported': R, 'rectification.closed': R, 'rectification.returned': R, 'supervision.flagged': 'withdrawn', 'supervision.answered': R },
};

const ev = (type: EventType) => Event.parse(makeEvent(type, samplePayload(type, CASE_ID) as never, { caseId: CASE_ID }));

function caseIn(state: CaseState): CaseView {
  const { view, refused } = foldCase(PATHS[state].map(ev));
  expect(refused).toEqual([]);
  expect(view?.state).toBe(state);
  return view!;
}

describe('case state machine', () => {
  for (const from of ['none', ...CASE_STATES] as const) {
    for (const type of EVENT_TYPES) {
      const expected = EXPECTED[from][type];
      it(`${from} + ${type} → ${expected}`, () => {
        const current = from === 'none' ? null : caseIn(from);
        const result = applyEvent(current, ev(type));
        if (expected === R) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe(from === 'none' ? 'UNKNOWN_CASE' : 'INVALID_TRANSITION');
        } else {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.state).toBe(expected);
        }
      });
    }
  }

  it('lets only notes, consultation records, ratings and flags happen to a final case', () => {
    for (const state of FINAL_STATES) {
      const allowed = EVENT_TYPES.filter((t) => EXPECTED[state][t] !== R);
      expect(allowed).toEqual(['case.note_added', 'consult.started', 'consult.ended', 'rating.submitted', 'supervision.flagged']);
    }
  });

  it('never mutates the case it is given', () => {
    const before = caseIn('in_review');
    const snapshot = structuredClone(before);
    applyEvent(before, ev('case.correction_requested'));
    expect(before).toEqual(snapshot);
  });
});

describe('case projection', () => {
  it('folds a full case with a correction round into what the screens show', () => {
    const events = [
      'case.received',
      'case.updated',
      'case.review_started',
      'case.correction_requested',
      'case.correction_submitted',
      'case.approved',
      'certificate.issued',
      'case.printed',
      'case.delivered',
      'case.note_added',
    ].map((t) => ev(t as EventType));
    const { view, refused } = foldCase(events);
    expect(refused).toEqual([]);
    expect(view).toMatchObject({
      caseId: CASE_ID,
      caseNo: 'TJ03A-20261125-0001X',
      state: 'delivered',
      halls: { intakeHallId: 'TJ', homeHallId: 'BJ', deliveryHallId: 'TJ' },
      applicant: { name: '李静', phone: '13900139000' },
      queryCode: '123456',
      decision: { kind: 'approved', note: '材料齐全' },
      delivery: { recipient: { name: '李静' } },
      notes: [{ text: '申请人来电询问进度' }],
    });
    expect(view!.materials.find((m) => m.materialId === 'diploma')?.provided).toBe('original');
    expect(view!.pauses).toEqual([{ from: events[3]!.at, to: events[4]!.at }]);
    expect(view!.correction).toBeUndefined();
    expect(view!.prints).toHaveLength(1);
    expect(view!.history.map((h) => h.type)).toEqual(events.map((e) => e.type));
    expect(view!.certificate?.certificate.certificateId).toBe(CERT_ID);
  });

  it('keeps an open pause and the correction request while the applicant corrects', () => {
    const view = caseIn('needs_correction');
    expect(view.pauses).toHaveLength(1);
    expect(view.pauses[0]!.to).toBeUndefined();
    expect(view.correction?.reasons).toEqual(['学历证明复印件不清晰']);
  });

  it('applies form and applicant changes', () => {
    const upd = Event.parse(
      makeEvent('case.updated', { changes: { 'form.school': '北京大学', 'applicant.name': '李晶' } }, { caseId: CASE_ID }),
    );
    const r = applyEvent(caseIn('received'), upd);
    expect(r.ok && r.value.form.school).toBe('北京大学');
    expect(r.ok && r.value.applicant.name).toBe('李晶');
  });

  it('records rejection and withdrawal with their reasons', () => {
    expect(caseIn('rejected').decision).toMatchObject({ kind: 'rejected', legalBasis: '《护士条例》第七条' });
    expect(caseIn('withdrawn').withdrawal?.reason).toBe('申请人主动撤回');
  });

  it('requires a reason to print again, and the certificate of this case to print or deliver', () => {
    const printed = caseIn('printed');
    const reprintNoReason = Event.parse(makeEvent('case.printed', { certificateId: CERT_ID, copies: 1 }, { caseId: CASE_ID }));
    const r1 = applyEvent(printed, reprintNoReason);
    expect(r1.ok).toBe(false);
    const reprint = Event.parse(makeEvent('case.printed', { certificateId: CERT_ID, copies: 1, reason: '打印卡纸' }, { caseId: CASE_ID }));
    const r2 = applyEvent(printed, reprint);
    expect(r2.ok && r2.value.prints).toHaveLength(2);
    const otherCert = Event.parse(
      makeEvent('case.delivered', { certificateId: '0193b1c2-0000-7000-8000-0000000000ff', recipient: { name: '李静', idNumber: '11010519491231002X' } }, { caseId: CASE_ID }),
    );
    const r3 = applyEvent(printed, otherCert);
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.code).toBe('INVALID_TRANSITION');
  });

  it('refuses a certificate issued for another case', () => {
    const p = samplePayload('certificate.issued', '0193b1c2-0000-7000-8000-0000000000ee');
    const e = Event.parse(makeEvent('certificate.issued', p as never, { caseId: CASE_ID }));
    expect(applyEvent(caseIn('approved'), e).ok).toBe(false);
  });

  it('reports, and skips, an event that lost to the order', () => {
    const { view, refused } = foldCase([ev('case.received'), ev('case.review_started'), ev('case.approved'), ev('case.withdrawn')]);
    expect(view?.state).toBe('approved');
    expect(refused.map((r) => [r.event.type, r.error.code])).toEqual([['case.withdrawn', 'INVALID_TRANSITION']]);
  });
});
