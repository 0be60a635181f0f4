// Every role × hall relation × event type, and the actions offered, against hand-written tables.
import { describe, expect, it } from 'vitest';
import { availableActions, checkEvent } from '../../../../shared/case/actions';
import { canRead, mayAuthor, relationsOf, type Principal } from '../../../../shared/case/permissions';
import { foldCase } from '../../../../shared/case/projection';
import { EVENT_TYPES, Event, type EventType } from '../../../../shared/protocol/events';
import { ROLES, type Role } from '../../../../shared/protocol/primitives';
import { makeEvent, receivedPayload, samplePayload } from '../../../support/events';

// A case taken in TJ for a BJ item, delivered in SJZ, so every relation has a hall of its own.
const halls = { intakeHallId: 'TJ', homeHallId: 'BJ', deliveryHallId: 'SJZ' };
const RELATION_HALL = { intake: 'TJ', home: 'BJ', delivery: 'SJZ', none: 'XA' } as const;
type Rel = keyof typeof RELATION_HALL;

// Who may author what, written out: event type → role → relations that allow it.
const ALLOWED: Record<EventType, Partial<Record<Role, Rel[]>>> = {
  'case.received': { clerk: ['intake'] },
  'case.updated': { clerk: ['intake'] },
  'case.review_started': { reviewer: ['home'] },
  'case.correction_requested': { reviewer: ['home'] },
  'case.correction_submitted': { clerk: ['intake'] },
  'case.approved': { reviewer: ['home'] },
  'case.rejected': { reviewer: ['home'] },
  'certificate.issued': {},
  'case.printed': { clerk: ['delivery'] },
  'case.delivered': { clerk: ['delivery'] },
  'case.withdrawn': { clerk: ['intake'] },
  'case.note_added': {
    clerk: ['intake', 'home', 'delivery'],
    reviewer: ['intake', 'home', 'delivery'],
    supervisor: ['intake', 'home', 'delivery'],
    admin: ['intake', 'home', 'delivery'],
  },
  // The caller's counter records a consultation: any involved hall may call, a hall that is not
  // involved (XA here) may be called but never writes to the case.
  'consult.started': {
    clerk: ['intake', 'home', 'delivery'],
    reviewer: ['intake', 'home', 'delivery'],
    supervisor: ['intake', 'home', 'delivery'],
    admin: ['intake', 'home', 'delivery'],
  },
  'consult.ended': {
    clerk: ['intake', 'home', 'delivery'],
    reviewer: ['intake', 'home', 'delivery'],
    supervisor: ['intake', 'home', 'delivery'],
    admin: ['intake', 'home', 'delivery'],
  },
  // 好差评: the clerk records the applicant's rating where they were served (intake or delivery);
  // the rated hall's staff report the rectification; supervisors close or return it, and flag a
  // case for the home hall, whose staff answer.
  'rating.submitted': { clerk: ['intake', 'delivery'] },
  'rectification.reported': {
    clerk: ['intake', 'delivery'],
    reviewer: ['intake', 'delivery'],
    supervisor: ['intake', 'delivery'],
    admin: ['intake', 'delivery'],
  },
  'rectification.closed': { supervisor: ['intake', 'home', 'delivery'] },
  'rectification.returned': { supervisor: ['intake', 'home', 'delivery'] },
  'supervision.flagged': { supervisor: ['intake', 'home', 'delivery'] },
  'supervision.answered': { clerk: ['home'], reviewer: ['home'], supervisor: ['home'], admin: ['home'] },
};

const who = (role: Role, rel: Rel, scope: 'hall' | 'region' = 'hall'): Principal => ({
  staffId: `${rel}-${role}`,
  hallId: RELATION_HALL[rel],
  roles: [role],
  scope,
});

describe('permission table', () => {
  for (const type of EVENT_TYPES) {
    for (const role of ROLES) {
      for (const rel of Object.keys(RELATION_HALL) as Rel[]) {
        const expected = ALLOWED[type][role]?.includes(rel) ?? false;
        it(`${role} of the ${rel} hall ${expected ? 'may' : 'may not'} author ${type}`, () => {
          expect(mayAuthor(who(role, rel), type, halls)).toBe(expected);
        });
      }
    }
  }

  it('lets a region supervisor note, flag and judge rectifications on any case, and record a consultation about it, but decide none', () => {
    const sup = who('supervisor', 'none', 'region');
    const mayWrite = ['case.note_added', 'consult.started', 'consult.ended', 'rectification.closed', 'rectification.returned', 'supervision.flagged'];
    for (const t of mayWrite) expect(mayAuthor(sup, t as EventType, halls)).toBe(true);
    for (const t of EVENT_TYPES.filter((t) => !mayWrite.includes(t))) expect(mayAuthor(sup, t, halls)).toBe(false);
  });

  it('lets a hall whose relations overlap act in each of them', () => {
    const same = { intakeHallId: 'TJ', homeHallId: 'BJ', deliveryHallId: 'TJ' };
    expect(relationsOf('TJ', same)).toEqual(['intake', 'delivery']);
    const clerk: Principal = { staffId: 's', hallId: 'TJ', roles: ['clerk'], scope: 'hall' };
    expect(mayAuthor(clerk, 'case.printed', same)).toBe(true);
    expect(mayAuthor(clerk, 'case.withdrawn', same)).toBe(true);
  });

  it('lets a member with several roles act in each', () => {
    const both: Principal = { staffId: 's', hallId: 'BJ', roles: ['clerk', 'reviewer'], scope: 'hall' };
    const own = { intakeHallId: 'BJ', homeHallId: 'BJ', deliveryHallId: 'BJ' };
    expect(mayAuthor(both, 'case.received', own)).toBe(true);
    expect(mayAuthor(both, 'case.approved', own)).toBe(true);
  });

  it('lets involved halls and region devices read a case, and nobody else', () => {
    expect(canRead(who('clerk', 'intake'), halls)).toBe(true);
    expect(canRead(who('reviewer', 'home'), halls)).toBe(true);
    expect(canRead(who('clerk', 'delivery'), halls)).toBe(true);
    expect(canRead(who('supervisor', 'none'), halls)).toBe(false);
    expect(canRead(who('supervisor', 'none', 'region'), halls)).toBe(true);
  });
});

describe('checkEvent (the hub order: permission, then state)', () => {
  const caseId = '0193b1c2-0000-7000-8000-0000000000bb';
  const received = Event.parse(makeEvent('case.received', receivedPayload(halls), { caseId, staffId: 'intake-clerk', hallId: 'TJ' }));
  const view = foldCase([received]).view!;
  const ev = (type: EventType, rel: Rel, role: Role) =>
    Event.parse(makeEvent(type, samplePayload(type, caseId) as never, { caseId, staffId: `${rel}-${role}`, hallId: RELATION_HALL[rel] }));

  it('accepts an allowed event and returns the next case', () => {
    const r = checkEvent(who('reviewer', 'home'), ev('case.review_started', 'home', 'reviewer'), view);
    expect(r.ok && r.value.state).toBe('in_review');
  });
  it('refuses an actor who is not the principal', () => {
    const r = checkEvent(who('reviewer', 'home'), ev('case.review_started', 'intake', 'reviewer'), view);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
  it('refuses a role that may never author the type', () => {
    const r = checkEvent(who('technician', 'home'), ev('case.review_started', 'home', 'technician'), view);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
  it('refuses the wrong hall before it looks at the state', () => {
    const r = checkEvent(who('reviewer', 'intake'), ev('case.approved', 'intake', 'reviewer'), view);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
  it('refuses an allowed actor when the state does not allow it', () => {
    const r = checkEvent(who('reviewer', 'home'), ev('case.approved', 'home', 'reviewer'), view);
    expect(!r.ok && r.error.code).toBe('INVALID_TRANSITION');
  });
  it('answers UNKNOWN_CASE for an event on a case nobody received', () => {
    const r = checkEvent(who('reviewer', 'home'), ev('case.review_started', 'home', 'reviewer'), null);
    expect(!r.ok && r.error.code).toBe('UNKNOWN_CASE');
  });
  it('refuses a case.received by a clerk of another hall than the intake hall it names', () => {
    const r = checkEvent(who('clerk', 'home'), ev('case.received', 'home', 'clerk'), null);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
  });
});

describe('availableActions', () => {
  const caseId = '0193b1c2-0000-7000-8000-0000000000cc';
  const e = (type: EventType) => Event.parse(makeEvent(type, samplePayload(type, caseId) as never, { caseId }));
  const at = (...types: EventType[]) => foldCase(types.map(e)).view!;
  const clerkTJ: Principal = { staffId: 'c', hallId: 'TJ', roles: ['clerk'], scope: 'hall' };
  const reviewerBJ: Principal = { staffId: 'r', hallId: 'BJ', roles: ['reviewer'], scope: 'hall' };
  const supRegion: Principal = { staffId: 's', hallId: 'XA', roles: ['supervisor'], scope: 'region' };
  const tech: Principal = { staffId: 't', hallId: 'TJ', roles: ['technician'], scope: 'hall' };

  it('offers each role only what it may do now', () => {
    const received = at('case.received');
    expect(availableActions(received, clerkTJ)).toEqual(['case.updated', 'case.withdrawn', 'case.note_added']);
    expect(availableActions(received, reviewerBJ)).toEqual(['case.review_started', 'case.note_added']);
    expect(availableActions(received, supRegion)).toEqual(['case.note_added']);
    expect(availableActions(received, tech)).toEqual([]);

    const inReview = at('case.received', 'case.review_started');
    expect(availableActions(inReview, reviewerBJ)).toEqual(['case.correction_requested', 'case.approved', 'case.rejected', 'case.note_added']);
    expect(availableActions(inReview, clerkTJ)).toEqual(['case.withdrawn', 'case.note_added']);

    const correcting = at('case.received', 'case.review_started', 'case.correction_requested');
    expect(availableActions(correcting, clerkTJ)).toEqual(['case.correction_submitted', 'case.withdrawn', 'case.note_added']);

    const issued = at('case.received', 'case.review_started', 'case.approved', 'certificate.issued');
    expect(availableActions(issued, clerkTJ)).toEqual(['case.printed', 'case.note_added']);
    expect(availableActions(issued, reviewerBJ)).toEqual(['case.note_added']);

    const printed = at('case.received', 'case.review_started', 'case.approved', 'certificate.issued', 'case.printed');
    expect(availableActions(printed, clerkTJ)).toEqual(['case.printed', 'case.delivered', 'case.note_added']);

    const approvedNoCert = at('case.received', 'case.review_started', 'case.approved');
    expect(availableActions(approvedNoCert, clerkTJ)).toEqual(['case.note_added']);
  });
});
