// Acting on a case from this counter: the same check the hub makes (shared/case/actions), then the
// event goes to the outbox. An action the rules refuse never reaches the outbox.
import { t } from '../../i18n';
import { availableActions, checkEvent } from '../../../shared/case/actions';
import type { Principal } from '../../../shared/case/permissions';
import type { CaseView } from '../../../shared/case/projection';
import { v7 as uuidv7 } from 'uuid';
import type { Event, EventType, PayloadOf } from '../../../shared/protocol/events';
import { fail, ok, type Result } from '../../../shared/result';
import type { DeviceIdentity } from '../../data/db';
import type { Session } from '../../data/session';
import { appendEvent } from '../../data/sync-client';

export function principalOf(session: Session, device: DeviceIdentity): Principal {
  return {
    staffId: session.staff.staffId,
    hallId: session.staff.hallId,
    roles: session.staff.roles,
    scope: device.scope,
  };
}

export function actionsFor(view: CaseView, session: Session, device: DeviceIdentity): EventType[] {
  return availableActions(view, principalOf(session, device));
}

export async function act<T extends Exclude<EventType, 'case.received' | 'certificate.issued'>>(
  view: CaseView,
  type: T,
  payload: PayloadOf<T>,
  session: Session,
  device: DeviceIdentity,
): Promise<Result<null>> {
  // One generic event built from (type, payload): TypeScript cannot narrow Extract<Event, {type: T}>
  // for a generic T, so the pair is asserted here and checked by the schema in appendEvent.
  const event = {
    id: uuidv7(),
    deviceId: device.deviceId,
    deviceSeq: 1,
    caseId: view.caseId,
    type,
    payload,
    actor: { staffId: session.staff.staffId, hallId: session.staff.hallId },
    at: new Date().toISOString(),
  } as unknown as Event;
  // The local check runs on what this counter knows; the hub checks again in its own order.
  const checked = checkEvent(principalOf(session, device), event, view);
  if (!checked.ok) return fail(checked.error.code, checked.error.message);
  const { deviceSeq: _seq, ...draft } = event;
  const appended = await appendEvent(draft);
  if (!appended.ok) return fail(appended.error.code, t('correction.saveFailed', { reason: appended.error.message }));
  return ok(null);
}
