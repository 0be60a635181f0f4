// The wire contract's schemas: every event type accepted in its documented form, bad ones refused.
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, Event, EventIdentity, StoredEvent, type EventType } from '../../../../shared/protocol/events';
import {
  EnrollRequest,
  HandshakeAuth,
  LoginResponse,
  Poke,
  PullRequest,
  PushRequest,
  PushResponse,
  handshakeSigningString,
  requestSigningString,
} from '../../../../shared/protocol/wire';
import { ERROR_CODES, RETRYABLE_REJECTIONS } from '../../../../shared/protocol/codes';
import { makeEvent, receivedPayload, samplePayload } from '../../../support/events';

const caseId = '0193b1c2-0000-7000-8000-0000000000dd';
const sample = (type: EventType) => makeEvent(type, samplePayload(type, caseId) as never, { caseId });

describe('Event', () => {
  for (const type of EVENT_TYPES) {
    it(`accepts a well-formed ${type}`, () => {
      const r = Event.safeParse(sample(type));
      expect(r.error?.issues ?? []).toEqual([]);
    });
    it(`refuses a ${type} whose payload belongs to another type`, () => {
      const other = type === 'case.note_added' ? 'case.withdrawn' : 'case.note_added';
      const e = { ...sample(type), payload: samplePayload(other, caseId) };
      // An empty payload is right only for review_started.
      if (type === 'case.review_started') return;
      expect(Event.safeParse(e).success).toBe(false);
    });
  }

  const bad: [string, (e: Record<string, unknown>) => unknown][] = [
    ['an unknown type', (e) => ({ ...e, type: 'case.teleported' })],
    ['an id that is not a UUID', (e) => ({ ...e, id: 'abc' })],
    ['a deviceSeq of 0', (e) => ({ ...e, deviceSeq: 0 })],
    ['a fractional deviceSeq', (e) => ({ ...e, deviceSeq: 1.5 })],
    ['a time with an offset', (e) => ({ ...e, at: '2026-11-25T16:30:00+08:00' })],
    ['a time that is not a time', (e) => ({ ...e, at: 'yesterday' })],
    ['a lower-case hall in the actor', (e) => ({ ...e, actor: { staffId: 's', hallId: 'tj' } })],
    ['no actor', (e) => ({ ...e, actor: undefined })],
    ['a payload that is a string', (e) => ({ ...e, payload: 'x' })],
    ['a null', () => null],
    ['an array', () => []],
  ];
  for (const [what, mutate] of bad) {
    it(`refuses ${what}`, () => {
      expect(Event.safeParse(mutate(sample('case.note_added') as unknown as Record<string, unknown>)).success).toBe(false);
    });
  }

  const badReceived: [string, Record<string, unknown>][] = [
    ['a query code of 5 digits', { queryCode: '12345' }],
    ['an applicant without a name', { applicant: { ...receivedPayload().applicant, name: '  ' } }],
    ['an unknown id type', { applicant: { ...receivedPayload().applicant, idType: 'driver_licence' } }],
    ['an unknown material form', { materials: [{ materialId: 'a', provided: 'fax', attachments: [] }] }],
    ['an attachment with a bad hash', { materials: [{ materialId: 'a', provided: 'electronic', attachments: [{ sha256: 'xyz', name: 'a.pdf', mime: 'application/pdf', size: 1 }] }] }],
    ['an attachment over the size limit', { materials: [{ materialId: 'a', provided: 'electronic', attachments: [{ sha256: 'a'.repeat(64), name: 'a.pdf', mime: 'application/pdf', size: 60 * 1024 * 1024 }] }] }],
    ['a hall that is not a hall code', { homeHallId: 'beijing' }],
    ['a form value that is an object', { form: { a: { b: 1 } } }],
  ];
  for (const [what, over] of badReceived) {
    it(`refuses a case.received with ${what}`, () => {
      const e = makeEvent('case.received', { ...receivedPayload(), ...over } as never, { caseId });
      expect(Event.safeParse(e).success).toBe(false);
    });
  }

  it('refuses changes to anything but the applicant and the form', () => {
    const e = makeEvent('case.updated', { changes: { homeHallId: 'XA' } } as never, { caseId });
    expect(Event.safeParse(e).success).toBe(false);
    const ok = makeEvent('case.updated', { changes: { 'form.address': '天津市和平区', 'applicant.phone': '13800138000' } }, { caseId });
    expect(Event.safeParse(ok).success).toBe(true);
  });

  it('refuses a correction request without reasons and a rejection without legal basis', () => {
    expect(Event.safeParse(makeEvent('case.correction_requested', { reasons: [], materialIds: [] }, { caseId })).success).toBe(false);
    expect(Event.safeParse(makeEvent('case.rejected', { reason: '不符合条件', legalBasis: '' }, { caseId })).success).toBe(false);
  });

  it('accepts the hub as the device of its own events', () => {
    const e = { ...sample('certificate.issued'), deviceId: 'hub', actor: { staffId: 'hub', hallId: 'BJ' } };
    expect(Event.safeParse(e).success).toBe(true);
  });

  it('reads the identity of an event whose body is wrong, to answer it', () => {
    const e = { ...sample('case.note_added'), payload: { text: '' } };
    expect(Event.safeParse(e).success).toBe(false);
    expect(EventIdentity.safeParse(e).success).toBe(true);
  });

  it('adds hubSeq and receivedAt for a stored event', () => {
    expect(StoredEvent.safeParse({ ...sample('case.note_added'), hubSeq: 7, receivedAt: '2026-11-25T01:00:00.000Z' }).success).toBe(true);
    expect(StoredEvent.safeParse({ ...sample('case.note_added'), hubSeq: 0, receivedAt: '2026-11-25T01:00:00.000Z' }).success).toBe(false);
  });
});

describe('wire messages', () => {
  it('limits a push to 500 events', () => {
    expect(PushRequest.safeParse({ events: new Array(500).fill({}) }).success).toBe(true);
    expect(PushRequest.safeParse({ events: new Array(501).fill({}) }).success).toBe(false);
    expect(PushRequest.safeParse({ events: 'x' }).success).toBe(false);
    expect(PushRequest.safeParse(null).success).toBe(false);
  });
  it('checks pull cursors and limits', () => {
    expect(PullRequest.safeParse({ cursor: 0 }).success).toBe(true);
    expect(PullRequest.safeParse({ cursor: 10, limit: 5000 }).success).toBe(true);
    for (const bad of [{ cursor: -1 }, { cursor: 1.5 }, { cursor: '3' }, { cursor: 0, limit: 5001 }, { cursor: 0, limit: 0 }, {}]) {
      expect(PullRequest.safeParse(bad).success).toBe(false);
    }
  });
  it('checks enrollment, handshake, poke and answers', () => {
    expect(EnrollRequest.safeParse({ code: 'ABCD-1234', publicKey: 'A'.repeat(43), deviceName: '天津3号窗口', appVersion: '0.1.0' }).success).toBe(true);
    expect(EnrollRequest.safeParse({ code: 'ABCD', publicKey: 'A'.repeat(44), deviceName: 'x', appVersion: '0.1.0' }).success).toBe(false);
    expect(HandshakeAuth.safeParse({ deviceId: caseId, timestamp: '1764054000000', signature: 'abc' }).success).toBe(true);
    expect(HandshakeAuth.safeParse({ deviceId: caseId, timestamp: 1764054000000, signature: 'abc' }).success).toBe(false);
    expect(Poke.safeParse({ head: 3 }).success).toBe(true);
    expect(PushResponse.safeParse({ results: [{ id: caseId, status: 'rejected', reason: { code: 'FORBIDDEN', message: '无权' } }] }).success).toBe(true);
    expect(
      LoginResponse.safeParse({
        token: 't',
        staff: { staffId: 's', name: '李静', hallId: 'TJ', roles: ['clerk'] },
        offlineVerifier: { alg: 'PBKDF2-SHA256', salt: 'abc', iterations: 1000, hash: 'def' },
      }).success,
    ).toBe(true);
  });
  it('builds the strings a device signs exactly as PROTOCOL.md says', () => {
    expect(requestSigningString('post', '/api/v1/login?x=1', '1764054000000', 'e3b0')).toBe('POST\n/api/v1/login?x=1\n1764054000000\ne3b0');
    expect(handshakeSigningString('dev-1', '1764054000000')).toBe('tongban-sync\ndev-1\n1764054000000');
  });
  it('explains every code in Chinese and marks only SEQ_GAP and MISSING_BLOB as retryable', () => {
    for (const message of Object.values(ERROR_CODES)) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect([...RETRYABLE_REJECTIONS].sort()).toEqual(['MISSING_BLOB', 'SEQ_GAP']);
  });
});
