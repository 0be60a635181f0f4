// A case's timeline: confirmed, waiting (待同步) and refused (被退回) events in order, who did
// them (系统 for the hub), and what they did in words without personal numbers.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/case/projection';
import type { Event } from '../../../shared/protocol/events';
import { actorName, buildTimeline, eventDetail, type OutboxLike } from '../../../renderer/features/cases/timeline';
import { makeEvent, receivedPayload, samplePayload } from '../../support/events';

const CASE = '0193b1c2-0000-7000-8000-0000000000aa';
const entry = (e: Event, hubSeq?: number): HistoryEntry => ({ eventId: e.id, type: e.type, at: e.at, actor: e.actor, deviceId: e.deviceId, payload: e.payload as Record<string, unknown>, ...(hubSeq ? { hubSeq } : {}) });

describe('buildTimeline', () => {
  const received = makeEvent('case.received', receivedPayload(), { caseId: CASE, at: '2026-11-25T01:00:00.000Z' });
  const review = makeEvent('case.review_started', {}, { caseId: CASE, staffId: 'bj-reviewer', hallId: 'BJ', at: '2026-11-25T02:00:00.000Z' });
  const note = makeEvent('case.note_added', { text: '已电话联系' }, { caseId: CASE, at: '2026-11-25T03:00:00.000Z' });
  const refused = makeEvent('case.updated', { changes: { 'applicant.phone': '13900139000' } }, { caseId: CASE, at: '2026-11-25T01:30:00.000Z' });
  const stray = makeEvent('case.withdrawn', { reason: '申请人撤回' }, { caseId: CASE, at: '2026-11-25T04:00:00.000Z' });

  it('marks our waiting events 待同步 and puts refused and unfolded ones in time order', () => {
    const outbox: OutboxLike[] = [
      { id: received.id, state: 'accepted', event: received },
      { id: refused.id, state: 'rejected', event: refused, reason: { code: 'INVALID_TRANSITION', message: '审核已开始，不能再修改' } },
      { id: note.id, state: 'pending', event: note },
      { id: stray.id, state: 'pending', event: stray },
    ];
    const t = buildTimeline([entry(received, 1), entry(review, 2), entry(note)], outbox);
    expect(t.map((e) => [e.type, e.status])).toEqual([
      ['case.received', 'confirmed'],
      ['case.updated', 'refused'],
      ['case.review_started', 'confirmed'],
      ['case.note_added', 'pending'],
      ['case.withdrawn', 'pending'],
    ]);
    expect(t[1]!.reason).toEqual({ code: 'INVALID_TRANSITION', message: '审核已开始，不能再修改' });
  });

  it('shows a refused intake on its own when the case never existed', () => {
    const t = buildTimeline([], [{ id: received.id, state: 'rejected', event: received, reason: { code: 'DUPLICATE_CASE_NO', message: '办件编号已被使用' } }]);
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ type: 'case.received', status: 'refused' });
  });

  it('counts an event the hub accepted but this counter has not pulled back as confirmed', () => {
    expect(buildTimeline([entry(received, 1)], [{ id: note.id, state: 'accepted', event: note }]).map((e) => e.status)).toEqual(['confirmed', 'confirmed']);
  });
});

describe('actorName', () => {
  const names = new Map([['0193b1c2-0000-7000-8000-0000000000b1', '李静']]);
  it('names the hub 系统, known staff by name, others by the start of their id', () => {
    expect(actorName({ staffId: 'hub', hallId: 'BJ' }, names)).toBe('系统');
    expect(actorName({ staffId: '0193b1c2-0000-7000-8000-0000000000b1', hallId: 'TJ' }, names)).toBe('李静');
    expect(actorName({ staffId: '0193b1c2-0000-7000-8000-0000000000b2', hallId: 'TJ' }, names)).toBe('工作人员 0193b1c2…');
    expect(actorName({ staffId: 'tj-clerk', hallId: 'TJ' }, names)).toBe('工作人员 tj-clerk');
  });
});

describe('eventDetail', () => {
  it('says what each event did', () => {
    const detail = (type: Event['type']) => eventDetail(type, samplePayload(type, CASE), (n) => (n === 'school' ? '毕业院校' : n));
    expect(detail('case.received')).toBe('收取材料 2 项');
    expect(detail('case.correction_requested')).toBe('补正理由：学历证明复印件不清晰');
    expect(detail('case.rejected')).toBe('理由：不符合注册条件；依据：《护士条例》第七条');
    expect(detail('case.approved')).toBe('审核意见：材料齐全');
    expect(detail('certificate.issued')).toContain('北京市卫生健康委员会签发');
    expect(detail('case.printed')).toBe('打印 1 份（首次打印）');
    expect(detail('case.delivered')).toBe('领取人：李静');
    expect(detail('case.correction_submitted')).toBe('补交材料 1 项');
    expect(eventDetail('case.updated', { changes: { 'form.school': 'x', 'applicant.idNumber': '11010519491231002X', deliveryHallId: 'BJ' } }, (n) => (n === 'school' ? '毕业院校' : n))).toBe('修改：毕业院校、证件号码、领取地点');
  });

  it('never repeats a personal number', () => {
    const text = eventDetail('case.delivered', { certificateId: 'x', recipient: { name: '李静', idNumber: '11010519491231002X' } });
    expect(text).not.toContain('11010519491231002X');
    expect(eventDetail('case.updated', { changes: { 'applicant.idNumber': '11010519491231002X' } })).not.toContain('1101');
  });
});
