// What a call says to the clerk, in the language on screen: DOM-free, so unit tests read it in Node.
import { t } from '../../i18n';

/** A call's length as the screen shows it (shared/'s durationText words the record on the case). */
export function callDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return t('consult.duration.hours', { h, m });
  return m > 0 ? t('consult.duration.minutes', { m, s }) : t('consult.duration.seconds', { s });
}

export class MediaProblem extends Error {}

/** A clerk-readable reason for a getUserMedia failure, with what to try. */
export function mediaErrorMessage(e: unknown): string {
  const name = e instanceof DOMException ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return t('consult.media.denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return t('consult.media.notFound');
  if (name === 'NotReadableError' || name === 'AbortError')
    return t('consult.media.busy');
  if (e instanceof MediaProblem) return e.message;
  return t('consult.media.failed', { reason: e instanceof Error ? e.message : String(e) });
}

