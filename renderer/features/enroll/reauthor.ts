// Re-authoring the outbox after a re-enrollment. A revoked device can push nothing, so the events it
// still holds go to the hub under the new device. The rules, from PROTOCOL.md's idempotence:
//  - deviceId becomes the new device's: the hub refuses an event whose deviceId is not the pusher's.
//  - deviceSeq is renumbered 1, 2, 3… in the old order: the hub takes a device's events only in order
//    without gaps, and the new device starts at 1.
//  - the event id is KEPT: it is the event's identity. An event the hub already has (pushed before
//    the revoke, its acknowledgement lost) comes back in the catch-up pull that runs first and is
//    settled as accepted, so it is not re-sent; and should one slip through, the hub refuses an id
//    another device used instead of storing a duplicate. New ids could duplicate it silently.
//  - caseId, type, payload (the case number with the old device code among it), actor and `at` stay:
//    who did what and when does not change. The hub accepts a case number of an earlier generation
//    of the same hall and counter (hub/domain/devices.ts, caseNoDeviceAllowed).
import type { Event } from '../../../shared/protocol/events';

export function reauthorEvents(pending: readonly Event[], deviceId: string): Event[] {
  return [...pending].sort((a, b) => a.deviceSeq - b.deviceSeq).map((e, i) => ({ ...e, deviceId, deviceSeq: i + 1 }));
}
