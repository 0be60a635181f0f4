// The hall directory from the hub: each hall and how many of its counters could take a call now,
// read again every few seconds while shown (counters log in and out).
import { useCallback, useEffect, useState } from 'react';
import type { DirectoryHall } from '../../../shared/consult/messages';
import { currentLanguage, translated } from '../../i18n';
import { ConsultFailure } from './consult-socket';
import type { ConsultController } from './controller';

/** A hall of the directory by name: the hub's own (Chinese) name, a seed hall's English one in English. */
export const directoryHallName = (h: DirectoryHall): string =>
  currentLanguage() === 'en' ? translated(`hall.${h.hallId}`, h.name) : h.name;

export function useDirectory(
  controller: ConsultController | null,
  connected: boolean,
  everyMs = 10_000,
): { halls: DirectoryHall[] | null; error: string | null; refresh: () => void } {
  const [halls, setHalls] = useState<DirectoryHall[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    if (!controller || !connected) return;
    controller.directory().then(
      (list) => {
        setHalls(list);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ConsultFailure ? e.message : String(e)),
    );
  }, [controller, connected]);
  useEffect(() => {
    refresh();
    const t = setInterval(refresh, everyMs);
    return () => clearInterval(t);
  }, [refresh, everyMs]);
  return { halls, error, refresh };
}
