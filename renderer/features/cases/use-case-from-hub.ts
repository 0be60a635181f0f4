// A case the list shows from its head (a new counter's first minute: the snapshot has not stored it
// yet), opened: its case page asks the sync worker to fetch it whole from the hub and store it, and
// the page's live query then shows it as any stored case, actions and all.
import { useEffect, useState } from 'react';
import { fetchCase, onSyncStatus } from '../../data/sync-client';
import { caseHeads } from './case-list-client';
import type { HeadRecord } from './case-key-index';

export type CaseFromHub =
  /** Nothing to fetch: the case is stored, or the list does not know it either. */
  | { state: 'none' }
  /** Missing from the store: looking whether the list knows it by its head. */
  | { state: 'checking' }
  | { state: 'fetching'; head: HeadRecord }
  /** The hub could not be asked, or failed: the head is all this counter has of it for now. */
  | { state: 'failed'; head: HeadRecord; error: string }
  /** The hub has no such case for this counter. */
  | { state: 'absent'; head: HeadRecord };

const NONE: CaseFromHub = { state: 'none' };

/** `missing`: the store has no row of the case (its record is read, and holds none). */
export function useCaseFromHub(caseId: string | undefined, missing: boolean): { fetch: CaseFromHub; retry: () => void } {
  // What the effect found, for which case and attempt: an answer about another case shows nothing.
  const [found, setFound] = useState<{ key: string; fetch: CaseFromHub }>({ key: '', fetch: NONE });
  const [attempt, setAttempt] = useState(0);
  // Back online, a case the hub could not be asked for is asked for again.
  const [online, setOnline] = useState(true);
  useEffect(() => onSyncStatus((s) => setOnline(s.online)), []);
  const key = `${caseId ?? ''}#${attempt}#${online}`;
  useEffect(() => {
    if (!caseId || !missing) return;
    let live = true;
    const show = (fetch: CaseFromHub) => {
      if (live) setFound({ key, fetch });
    };
    void (async () => {
      const head = (await caseHeads([caseId], true)).get(caseId);
      if (!head) return show(NONE);
      show({ state: 'fetching', head });
      const outcome = await fetchCase(caseId);
      // Stored: the record's live query brings the row, and `missing` turns false.
      if (outcome.stored) return;
      show(outcome.error === undefined ? { state: 'absent', head } : { state: 'failed', head, error: outcome.error });
    })().catch((e: unknown) => {
      show(NONE);
      console.warn('读取办件目录失败', e);
    });
    return () => {
      live = false;
    };
  }, [caseId, missing, key]);
  const fetch: CaseFromHub = !missing ? NONE : found.key === key ? found.fetch : { state: 'checking' };
  return { fetch, retry: () => setAttempt((n) => n + 1) };
}
