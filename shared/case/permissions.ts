// Who may do what: role × the hall's relation to the case × event type (PROTOCOL.md, Event types).
import type { EventType } from '../protocol/events';
import type { Role, Scope } from '../protocol/primitives';

/** How a hall stands to a case. One hall can stand in several relations (intake and delivery, say). */
export type HallRelation = 'intake' | 'home' | 'delivery';

export interface CaseHalls {
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
}

/** The staff member acting, as the hub knows them, and the scope of the device they act on. */
export interface Principal {
  staffId: string;
  hallId: string;
  roles: readonly Role[];
  /** The device's scope: a region device's supervisor reads and notes every case. */
  scope: Scope;
}

type Rule = { roles: readonly Role[]; relations: readonly HallRelation[] | 'any-in-scope' } | 'hub';

export const PERMISSIONS: Record<EventType, Rule> = {
  'case.received': { roles: ['clerk'], relations: ['intake'] },
  'case.updated': { roles: ['clerk'], relations: ['intake'] },
  'case.review_started': { roles: ['reviewer'], relations: ['home'] },
  'case.correction_requested': { roles: ['reviewer'], relations: ['home'] },
  'case.correction_submitted': { roles: ['clerk'], relations: ['intake'] },
  'case.approved': { roles: ['reviewer'], relations: ['home'] },
  'case.rejected': { roles: ['reviewer'], relations: ['home'] },
  'certificate.issued': 'hub',
  'case.printed': { roles: ['clerk'], relations: ['delivery'] },
  'case.delivered': { roles: ['clerk'], relations: ['delivery'] },
  'case.withdrawn': { roles: ['clerk'], relations: ['intake'] },
  'case.note_added': { roles: ['clerk', 'reviewer', 'supervisor', 'admin'], relations: 'any-in-scope' },
  // Written by the caller's counter, whose hall is involved (the callee's hall may not be).
  'consult.started': { roles: ['clerk', 'reviewer', 'supervisor', 'admin'], relations: 'any-in-scope' },
  'consult.ended': { roles: ['clerk', 'reviewer', 'supervisor', 'admin'], relations: 'any-in-scope' },
  // The clerk records the applicant's rating at the hall that served them: intake (after the
  // receipt) or delivery (after the handover); the rated hall reports its rectification; a
  // supervisor closes or returns it, and flags a case for the home hall, which answers.
  'rating.submitted': { roles: ['clerk'], relations: ['intake', 'delivery'] },
  'rectification.reported': { roles: ['clerk', 'reviewer', 'supervisor', 'admin'], relations: ['intake', 'delivery'] },
  'rectification.closed': { roles: ['supervisor'], relations: 'any-in-scope' },
  'rectification.returned': { roles: ['supervisor'], relations: 'any-in-scope' },
  'supervision.flagged': { roles: ['supervisor'], relations: 'any-in-scope' },
  'supervision.answered': { roles: ['clerk', 'reviewer', 'supervisor', 'admin'], relations: ['home'] },
};

export function relationsOf(hallId: string, halls: CaseHalls): HallRelation[] {
  const out: HallRelation[] = [];
  if (halls.intakeHallId === hallId) out.push('intake');
  if (halls.homeHallId === hallId) out.push('home');
  if (halls.deliveryHallId === hallId) out.push('delivery');
  return out;
}

/** Whether the role alone could ever author this event type (before looking at the case). */
export function roleMayAuthor(roles: readonly Role[], type: EventType): boolean {
  const rule = PERMISSIONS[type];
  return rule !== 'hub' && rule.roles.some((r) => roles.includes(r));
}

/** Whether a principal can see a case at all: a hall involved in it, or a region device's supervisor. */
export function canRead(principal: Pick<Principal, 'hallId' | 'roles' | 'scope'>, halls: CaseHalls): boolean {
  if (principal.scope === 'region') return true;
  return relationsOf(principal.hallId, halls).length > 0;
}

export function mayAuthor(principal: Principal, type: EventType, halls: CaseHalls): boolean {
  const rule = PERMISSIONS[type];
  if (rule === 'hub') return false;
  if (!rule.roles.some((r) => principal.roles.includes(r))) return false;
  if (rule.relations === 'any-in-scope') {
    if (principal.scope === 'region' && principal.roles.includes('supervisor')) return true;
    return relationsOf(principal.hallId, halls).length > 0;
  }
  const relations = relationsOf(principal.hallId, halls);
  return rule.relations.some((r) => relations.includes(r));
}
