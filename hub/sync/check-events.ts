// The checks of a push that need no database: schema and the stand-alone rules of each event,
// and the event's identity (id, deviceId, deviceSeq) as far as it can be read.
import { EventIdentity } from '../../shared/protocol/events';
import { validateEvent } from '../../shared/protocol/validate-event';

export interface CheckedEvent {
  identity: { id: string; deviceId: string; deviceSeq: number } | null;
  checked: ReturnType<typeof validateEvent>;
  rawId: string;
}

export function checkEvents(raw: readonly unknown[], today: Date): CheckedEvent[] {
  return raw.map((r): CheckedEvent => {
    const checked = validateEvent(r, today);
    // A valid event's envelope is a valid identity; only a refused one needs reading on its own.
    const identity = checked.ok
      ? { id: checked.value.id, deviceId: checked.value.deviceId, deviceSeq: checked.value.deviceSeq }
      : (EventIdentity.safeParse(r).data ?? null);
    return {
      identity,
      checked,
      rawId: typeof (r as { id?: unknown })?.id === 'string' ? (r as { id: string }).id : '',
    };
  });
}
