// Video consultation in the contract: the signalling schemas, the record's payloads and words, the
// recording rule, and the case summary shared in a call (numbers masked).
import { describe, expect, it } from 'vitest';
import { foldCase } from '../../../../shared/case/projection';
import {
  ChannelMessage,
  DialRequest,
  RingMessage,
  SettingsAck,
  SignalMessage,
  mayConsult,
} from '../../../../shared/consult/messages';
import {
  consultDetail,
  durationText,
  endedPayload,
  mayRecord,
  outcomeOf,
  startedPayload,
} from '../../../../shared/consult/record';
import { caseSummaryShare } from '../../../../shared/consult/summary';
import { Event, type PayloadOf } from '../../../../shared/protocol/events';
import { validateEvent } from '../../../../shared/protocol/validate-event';
import { CALLEE, CALLER, CONSULT_ID, makeEvent, receivedPayload } from '../../../support/events';

const CASE_ID = '0193b1c2-0000-7000-8000-0000000000ab';

describe('the recording rule', () => {
  it('records only when the admin setting AND the applicant’s consent allow it', () => {
    expect([
      mayRecord(false, false),
      mayRecord(true, false),
      mayRecord(false, true),
      mayRecord(true, true),
    ]).toEqual([false, false, false, true]);
  });
});

describe('who may take part', () => {
  it('lets counter staff call and answer, not technicians', () => {
    expect(mayConsult(['clerk'])).toBe(true);
    expect(mayConsult(['reviewer'])).toBe(true);
    expect(mayConsult(['supervisor'])).toBe(true);
    expect(mayConsult(['technician'])).toBe(false);
  });
});

describe('signalling schemas', () => {
  it('accepts a well-formed dial and refuses extra or malformed fields', () => {
    expect(
      DialRequest.safeParse({ consultId: CONSULT_ID, calleeHallId: 'BJ', consent: false }).success,
    ).toBe(true);
    expect(
      DialRequest.safeParse({
        consultId: CONSULT_ID,
        calleeHallId: 'BJ',
        consent: false,
        sneaky: 1,
      }).success,
    ).toBe(false);
    expect(
      DialRequest.safeParse({ consultId: 'x', calleeHallId: 'BJ', consent: false }).success,
    ).toBe(false);
    expect(
      DialRequest.safeParse({ consultId: CONSULT_ID, calleeHallId: 'beijing', consent: false })
        .success,
    ).toBe(false);
  });
  it('carries exactly one of a description or a candidate in a signal', () => {
    const offer = { type: 'offer', sdp: 'v=0' };
    const cand = {
      candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: null,
    };
    expect(SignalMessage.safeParse({ consultId: CONSULT_ID, description: offer }).success).toBe(
      true,
    );
    expect(SignalMessage.safeParse({ consultId: CONSULT_ID, candidate: cand }).success).toBe(true);
    expect(
      SignalMessage.safeParse({ consultId: CONSULT_ID, description: offer, candidate: cand })
        .success,
    ).toBe(false);
    expect(SignalMessage.safeParse({ consultId: CONSULT_ID }).success).toBe(false);
    expect(
      SignalMessage.safeParse({ consultId: CONSULT_ID, description: { type: 'rollback', sdp: '' } })
        .success,
    ).toBe(false);
  });
  it('describes a ring with the caller and the case', () => {
    const ring = {
      consultId: CONSULT_ID,
      caller: CALLER,
      calleeHallId: 'BJ',
      case: { caseId: CASE_ID, caseNo: 'TJ03A-20261125-0001X' },
      consent: true,
      expiresAt: '2026-11-25T03:01:00.000Z',
      secondsLeft: 60,
    };
    expect(RingMessage.parse(ring)).toEqual(ring);
    expect(
      RingMessage.safeParse({ ...ring, caller: { ...CALLER, deviceCode: 'tj03a' } }).success,
    ).toBe(false);
  });
  it('answers with settings or with a refusal, never both', () => {
    expect(
      SettingsAck.safeParse({
        ok: true,
        iceServers: [{ urls: ['stun:x:3478'] }],
        iceTransportPolicy: 'all',
        recordingAllowed: false,
        ringSeconds: 60,
      }).success,
    ).toBe(true);
    expect(
      SettingsAck.safeParse({ ok: false, error: { code: 'NOT_PRESENT', message: '…' } }).success,
    ).toBe(true);
    expect(
      SettingsAck.safeParse({ ok: false, error: { code: 'WHATEVER', message: '…' } }).success,
    ).toBe(false);
  });
  it('keeps chat to text of at most 1000 characters', () => {
    expect(
      ChannelMessage.safeParse({ kind: 'chat', text: '你好', at: '2026-11-25T03:00:00.000Z' })
        .success,
    ).toBe(true);
    expect(
      ChannelMessage.safeParse({ kind: 'chat', text: '   ', at: '2026-11-25T03:00:00.000Z' })
        .success,
    ).toBe(false);
    expect(
      ChannelMessage.safeParse({
        kind: 'chat',
        text: 'x'.repeat(1001),
        at: '2026-11-25T03:00:00.000Z',
      }).success,
    ).toBe(false);
    expect(ChannelMessage.safeParse({ kind: 'screen', data: '' }).success).toBe(false);
  });
});

describe('the record of a consultation', () => {
  const startedAt = '2026-11-25T03:00:00.000Z';
  /** A consultation between the sample caller (Tianjin) and callee (Beijing), fields overridable. */
  const started = (over: Partial<Parameters<typeof startedPayload>[0]> = {}) =>
    startedPayload({
      consultId: CONSULT_ID,
      caller: CALLER,
      callee: CALLEE,
      startedAt,
      recordingAllowed: false,
      consent: false,
      ...over,
    });
  const ended = (over: Partial<Parameters<typeof endedPayload>[0]> = {}) =>
    endedPayload({
      consultId: CONSULT_ID,
      outcome: 'completed',
      caller: CALLER,
      callee: CALLEE,
      calleeHallId: 'BJ',
      startedAt,
      endedAt: '2026-11-25T03:12:30.000Z',
      notes: '',
      ...over,
    });
  const onCase = <T extends 'consult.started' | 'consult.ended'>(type: T, payload: PayloadOf<T>) =>
    makeEvent(type, payload, { caseId: CASE_ID });

  it('tells a completed call from a dropped, missed or declined one', () => {
    expect(outcomeOf('hangup', true)).toBe('completed');
    expect(outcomeOf('dropped', true)).toBe('dropped');
    expect(outcomeOf('failed', true)).toBe('dropped');
    expect(outcomeOf('missed', false)).toBe('missed');
    expect(outcomeOf('declined', false)).toBe('declined');
  });

  it('builds events the contract accepts, the caller being the actor', () => {
    expect(validateEvent(onCase('consult.started', started({ recordingAllowed: true }))).ok).toBe(
      true,
    );
    const checked = validateEvent(
      onCase(
        'consult.ended',
        ended({ endedAt: '2026-11-25T03:12:31.400Z', notes: '  北京确认可用复印件  ' }),
      ),
    );
    expect(checked.ok && checked.value.payload).toEqual({
      consultId: CONSULT_ID,
      outcome: 'completed',
      participants: [CALLER, CALLEE],
      halls: ['TJ', 'BJ'],
      startedAt,
      endedAt: '2026-11-25T03:12:31.400Z',
      durationSec: 751,
      notes: '北京确认可用复印件',
    });
  });

  it('records a missed call with the caller alone and no duration', () => {
    const p = ended({
      outcome: 'missed',
      callee: undefined,
      calleeHallId: 'SJZ',
      startedAt: undefined,
      endedAt: startedAt,
    });
    expect(p).toEqual({
      consultId: CONSULT_ID,
      outcome: 'missed',
      participants: [CALLER],
      halls: ['TJ', 'SJZ'],
      endedAt: startedAt,
      durationSec: 0,
      notes: '',
    });
    expect(validateEvent(onCase('consult.ended', p)).ok).toBe(true);
  });

  it('refuses a record whose caller is not the actor', () => {
    const r = validateEvent(onCase('consult.started', started({ caller: CALLEE, callee: CALLER })));
    expect(!r.ok && r.error.message).toContain('发起会商的工作人员');
  });

  it('leaves the case as it was, except in its history', () => {
    const received = Event.parse(
      makeEvent('case.received', receivedPayload(), { caseId: CASE_ID }),
    );
    const before = foldCase([received]).view!;
    const after = foldCase([received, Event.parse(onCase('consult.started', started()))]).view!;
    expect({ ...after, history: [], updatedAt: '' }).toEqual({
      ...before,
      history: [],
      updatedAt: '',
    });
    expect(after.history.map((h) => h.type)).toEqual(['case.received', 'consult.started']);
  });

  it('reads as a line of the timeline', () => {
    expect(consultDetail('consult.started', started({ consent: true }))).toBe(
      '天津市政务服务中心 李静（TJ03A） 与 北京市政务服务中心 王芳（BJ01A） 视频会商；不录像',
    );
    expect(
      consultDetail('consult.started', started({ recordingAllowed: true, consent: true })),
    ).toContain('管理员允许且申请人同意录像（本版本不录像）');
    expect(consultDetail('consult.ended', ended({ notes: '可用复印件' }))).toBe(
      '通话结束，时长 12 分 30 秒；营业厅：天津市政务服务中心 ↔ 北京市政务服务中心；参与人：天津市政务服务中心 李静（TJ03A）、北京市政务服务中心 王芳（BJ01A）；会商记录：可用复印件',
    );
    expect(
      consultDetail(
        'consult.ended',
        ended({ outcome: 'missed', callee: undefined, startedAt: undefined }),
      ),
    ).toMatch(/^无人接听；/);
    expect(consultDetail('consult.ended', {})).toBe('已结束；营业厅：；参与人：');
    expect([durationText(5), durationText(65), durationText(3725)]).toEqual([
      '5 秒',
      '1 分 5 秒',
      '1 小时 2 分',
    ]);
  });
});

describe('the case summary shared in a call', () => {
  it('shows the same data as the case page, with personal numbers masked', () => {
    const view = foldCase([
      Event.parse(
        makeEvent(
          'case.received',
          receivedPayload({
            form: {
              school: '天津医科大学',
              guardianId: '11010519491231002X',
              mobile: '13800138000',
            },
          }),
          { caseId: CASE_ID },
        ),
      ),
    ]).view!;
    const item = {
      name: '护士执业注册（首次注册）',
      fields: [
        { name: 'school', label: '毕业院校', kind: 'text' as const, required: true },
        { name: 'guardianId', label: '监护人身份证号', kind: 'idNumber' as const, required: false },
        { name: 'mobile', label: '联系手机', kind: 'phone' as const, required: false },
      ],
      materials: [
        { materialId: 'idcard', name: '身份证', required: true, forms: ['original' as const] },
      ],
    };
    const s = caseSummaryShare(view, item);
    expect(s).toMatchObject({
      caseNo: 'TJ03A-20261125-0001X',
      itemName: '护士执业注册',
      state: '已受理',
      applicant: { name: '李静', kind: '个人', idType: '居民身份证' },
      halls: {
        intake: '天津市政务服务中心',
        home: '北京市政务服务中心',
        delivery: '天津市政务服务中心',
      },
      promisedDays: 5,
      materials: [
        { name: '身份证', provided: '原件' },
        { name: 'diploma', provided: '复印件' },
      ],
    });
    expect(s.applicant.idNumberMasked).not.toContain('19491231');
    expect(s.form).toEqual([
      { label: '毕业院校', value: '天津医科大学' },
      {
        label: '监护人身份证号',
        value: expect.not.stringContaining('19491231') as unknown as string,
      },
      { label: '联系手机', value: expect.not.stringContaining('0013') as unknown as string },
    ]);
    expect(JSON.stringify(s)).not.toContain('11010519491231002X');
  });
});
