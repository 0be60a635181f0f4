// One case, live: its row in the case list (with the full projection), our own events on it from
// the outbox, and the names of staff this counter knows.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useLiveQueryInTransition } from '../../data/use-live-transition';
import { db, type CaseRow, type OutboxRow } from '../../data/db';
import { localStaffDirectory } from '../../data/staff-directory';

export interface CaseRecord {
  /** null: this counter has no such case (or its intake was refused). */
  row: CaseRow | null;
  outbox: OutboxRow[];
}

export function useCaseRecord(caseId: string | undefined): CaseRecord | undefined {
  return useLiveQueryInTransition(async (): Promise<CaseRecord> => {
    if (!caseId) return { row: null, outbox: [] };
    const [row, outbox] = await Promise.all([db().cases.get(caseId), db().outbox.where('caseId').equals(caseId).sortBy('deviceSeq')]);
    return { row: row ?? null, outbox };
  }, [caseId]);
}

/** staffId → name: the hub's staff directory, and the staff who have logged in on this counter. */
export function useStaffNames(): ReadonlyMap<string, string> {
  const staff = useLiveQuery(() => db().staff.toArray(), []);
  const directory = useLiveQuery(() => localStaffDirectory(), []);
  return useMemo(
    () => new Map([...(directory ?? []).map((s) => [s.staffId, s.name] as const), ...(staff ?? []).map((s) => [s.staff.staffId, s.staff.name] as const)]),
    [staff, directory],
  );
}
