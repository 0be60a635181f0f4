// The logged-in staff member acting on cases from this device.
import { useMemo } from 'react';
import type { EventType, PayloadOf } from '../../../shared/protocol/events';
import type { CaseView } from '../../../shared/case/projection';
import type { Result } from '../../../shared/result';
import { useApp } from '../../app/session-context';
import { act, actionsFor } from './act';

type Authored = Exclude<EventType, 'case.received' | 'certificate.issued'>;

export interface Actor {
  act<T extends Authored>(view: CaseView, type: T, payload: PayloadOf<T>): Promise<Result<null>>;
  actions(view: CaseView): EventType[];
}

export function useActor(): Actor {
  const { session, device } = useApp();
  return useMemo(
    () => ({
      act: (view, type, payload) => act(view, type, payload, session, device),
      actions: (view) => actionsFor(view, session, device),
    }),
    [session, device],
  );
}
