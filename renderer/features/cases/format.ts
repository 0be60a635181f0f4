// Small formatting helpers for the case screens: Beijing time, file sizes, form values.
import { t } from '../../i18n';
import type { FormValue } from '../../../shared/protocol/events';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** An instant as Beijing wall-clock time, `2026-11-25 16:30` (seconds too when asked). */
export function beijingTime(iso: string, withSeconds = false): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const s = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, withSeconds ? 19 : 16)}`;
}

/** The Beijing calendar day of an instant, `2026-11-25`. */
export function beijingDate(at: Date | string): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formValueText(value: FormValue | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('casePage.yes') : t('casePage.no');
  return String(value);
}
