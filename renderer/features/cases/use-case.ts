// One case, live: its row in the case list (with the full projection), our own events on it from
// the outbox, and the names of staff this counter knows.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { db, type CaseRow, type OutboxRow } from '../../data/db';

export interface CaseRecord {
  /** null: this counter has no such case (or its intake was refused). */
  row: CaseRow | null;
  outbox: OutboxRow[];
}

export function useCaseRecord(caseId: string | undefined): CaseRecord | undefined {
  return useLiveQuery(async (): Promise<CaseRecord> => {
    if (!caseId) return { row: null, outbox: [] };
    const [row, outbox] = await Promise.all([db().cases.get(caseId), db().outbox.where('caseId').equals(caseId).sortBy('deviceSeq')]);
    return { row: row ?? null, outbox };
  }, [caseId]);
}

/** staffId → name for the staff who have logged in on this counter (the hub sends no names). */
export function useStaffNames(): ReadonlyMap<string, string> {
  const staff = useLiveQuery(() => db().staff.toArray(), []);
  return useMemo(() => new Map((staff ?? []).map((s) => [s.staff.staffId, s.staff.name])), [staff]);
}
