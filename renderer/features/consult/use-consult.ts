// The one consultation controller of the logged-in frame, for any screen: ConsultDock makes it,
// buttons and pages read its state through useConsult.
import { useSyncExternalStore } from 'react';
import type { ConsultController, ConsultState } from './controller';

let current: ConsultController | null = null;
const swaps = new Set<() => void>();

export function setConsultController(c: ConsultController | null): void {
  current = c;
  for (const s of swaps) s();
}

function subscribe(onChange: () => void): () => void {
  let unsubscribe = current?.subscribe(onChange);
  const swap = () => {
    unsubscribe?.();
    unsubscribe = current?.subscribe(onChange);
    onChange();
  };
  swaps.add(swap);
  return () => {
    swaps.delete(swap);
    unsubscribe?.();
  };
}

/** The controller and its state; both null before the frame started it. */
export function useConsult(): { controller: ConsultController | null; state: ConsultState | null } {
  const state = useSyncExternalStore(subscribe, () => current?.state ?? null);
  return { controller: current, state };
}
