// The rules of the last steps that the hub and every counter apply alike: who may collect a
// certificate, a reprint's reason, and refusals told in the clerk's words.
import { describe, expect, it } from 'vitest';
import { applyEvent, foldCase, recipientIsHolder, type CaseView } from '../../../../shared/case/projection';
import { Event, type EventType } from '../../../../shared/protocol/events';
import { CERT_ID, makeEvent, samplePayload } from '../../../support/events';

const CASE_ID = '0193b1c2-0000-7000-8000-0000000000ab';
const ev = (type: EventType, payload?: unknown) => Event.parse(makeEvent(type, (payload ?? samplePayload(type, CASE_ID)) as never, { caseId: CASE_ID }));

function printedCase(): CaseView {
  const types: EventType[] = ['case.received', 'case.review_started', 'case.approved', 'certificate.issued'];
  const r = foldCase([...types.map((t) => ev(t)), ev('case.printed', { certificateId: CERT_ID, copies: 1 })]);
  if (!r.view || r.refused.length) throw new Error(JSON.stringify(r.refused));
  return r.view;
}

describe('handing over a certificate', () => {
  const view = printedCase();
  const holder = view.certificate!.certificate.holder;

  it('is the holder when name and number match, spacing and letter case aside', () => {
    expect(recipientIsHolder(view, holder)).toBe(true);
    expect(recipientIsHolder(view, { name: ` ${holder.name} `, idNumber: holder.idNumber.toLowerCase().replace(/(\d{6})/, '$1 ') })).toBe(true);
    expect(recipientIsHolder(view, { name: holder.name, idNumber: '130102199001011237' })).toBe(false);
    expect(recipientIsHolder(view, { name: '王五', idNumber: holder.idNumber })).toBe(false);
  });

  it('to the holder needs no authorization', () => {
    const r = applyEvent(view, ev('case.delivered', { certificateId: CERT_ID, recipient: holder }));
    expect(r.ok && r.value.state).toBe('delivered');
  });

  it('to anyone else is refused unless an authorization is recorded', () => {
    const other = { name: '李建民', idNumber: '130102199001011237' };
    const refused = applyEvent(view, ev('case.delivered', { certificateId: CERT_ID, recipient: other }));
    expect(refused).toEqual({ ok: false, error: { code: 'INVALID_TRANSITION', message: '领取人不是持证人本人：须核验并登记授权委托书后方可交付' } });
    const blank = applyEvent(view, ev('case.delivered', { certificateId: CERT_ID, recipient: other, authorization: '   ' }));
    expect(blank.ok).toBe(false);
    const authorized = applyEvent(view, ev('case.delivered', { certificateId: CERT_ID, recipient: other, authorization: '持证人签署的授权委托书（2026年11月20日）' }));
    expect(authorized.ok && authorized.value.delivery).toMatchObject({ recipient: other, authorization: '持证人签署的授权委托书（2026年11月20日）' });
  });
});

describe('refusals in the clerk’s words', () => {
  it('names the state and the action in Chinese, never their codes', () => {
    const r = applyEvent(printedCase(), ev('case.withdrawn'));
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_TRANSITION', message: '办件当前为“证照已打印”，不能再“撤回申请”' } });
  });

  it('a reprint without a reason is refused', () => {
    const r = applyEvent(printedCase(), ev('case.printed', { certificateId: CERT_ID, copies: 1 }));
    expect(r.ok).toBe(false);
    const withReason = applyEvent(printedCase(), ev('case.printed', { certificateId: CERT_ID, copies: 1, reason: '原证照污损' }));
    expect(withReason.ok && withReason.value.prints.map((p) => p.reason ?? null)).toEqual([null, '原证照污损']);
  });
});
