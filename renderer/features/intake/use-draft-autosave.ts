// Saves the intake draft a moment after the clerk stops typing, and at once when the window is
// hidden or closed; stop() before accepting or discarding, so no late save brings the draft back.
import { t } from '../../i18n';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormWatch } from 'react-hook-form';
import { saveDraft } from './drafts';
import { hasContent, type IntakeValues } from './intake-values';

export const DRAFT_DELAY_MS = 400;

export type DraftStatus = { state: 'idle' } | { state: 'pending' } | { state: 'saved'; at: number } | { state: 'error'; message: string };

export function useDraftAutosave(watch: UseFormWatch<IntakeValues>, getValues: () => IntakeValues, id: string, itemCode: string, dirtyAtStart: boolean) {
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const timer = useRef<number | null>(null);
  const inflight = useRef<Promise<void>>(Promise.resolve());
  const stopped = useRef(false);
  const dirty = useRef(dirtyAtStart);

  const save = useCallback((): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (stopped.current || !dirty.current) return inflight.current;
    const values = getValues();
    if (!hasContent(values)) {
      setStatus({ state: 'idle' });
      return inflight.current;
    }
    inflight.current = inflight.current
      .then(() => saveDraft(id, itemCode, structuredClone(values)))
      .then((at) => setStatus({ state: 'saved', at }))
      .catch((e: unknown) => setStatus({ state: 'error', message: t('intake.draftFailed', { reason: String(e) }) }));
    return inflight.current;
  }, [getValues, id, itemCode]);

  useEffect(() => {
    const sub = watch(() => {
      dirty.current = true;
      // "Saved" is shown only while it is true: a change not yet written says so.
      if (!stopped.current) setStatus((s) => (s.state === 'pending' ? s : { state: 'pending' }));
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void save(), DRAFT_DELAY_MS);
    });
    const flush = () => void save();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    // A draft carried over from another item (or resumed) is saved under the new item right away.
    if (dirty.current) flush();
    return () => {
      sub.unsubscribe();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [watch, save]);

  /** Ends saving: waits for a save under way, and drops the one that was waiting to start. */
  const stop = useCallback(async () => {
    stopped.current = true;
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    await inflight.current;
  }, []);

  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  return { status, saveNow: save, stop, resume };
}
