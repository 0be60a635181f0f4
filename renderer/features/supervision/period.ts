// The dashboard's periods: the presets offered, the one it opens with (this year), and the period
// and halls in words on screen (print-dashboard.ts words them in Chinese for the printed page).
import dayjs from 'dayjs';
import type { DashboardQuery } from '../../../shared/supervision/dashboard';
import { t } from '../../i18n';
import { hallLabel } from '../../i18n/labels';

export type Preset = 'year' | 'month' | 'days30' | 'all' | 'custom';

const PRESETS: readonly Preset[] = ['year', 'month', 'days30', 'all', 'custom'];

/** The presets as the period selector offers them, in the language shown. */
export const presetOptions = (): { value: Preset; label: string }[] =>
  PRESETS.map((value) => ({ value, label: t(`supervision.preset.${value}`) }));

/** The period in words: "2026-01-01 至 2026-11-30", or every period. */
export function periodLabel(q: DashboardQuery): string {
  if (!q.from && !q.to) return t('supervision.periodAll');
  return t('supervision.periodRange', { from: q.from ?? t('supervision.earliest'), to: q.to ?? t('supervision.today') });
}

/** The halls chosen, by name, or every hall. */
export const hallsLabel = (q: DashboardQuery): string =>
  q.halls.length ? q.halls.map(hallLabel).join(t('common.listSeparator')) : t('supervision.allHalls');

export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Pick<DashboardQuery, 'from' | 'to'> {
  switch (preset) {
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'days30':
      return { from: dayjs(today).subtract(29, 'day').format('YYYY-MM-DD'), to: today };
    case 'all':
      return { from: null, to: null };
  }
}

export function presetOf(q: DashboardQuery, today: string): Preset {
  for (const p of ['year', 'month', 'days30', 'all'] as const) {
    const r = presetPeriod(p, today);
    if (r.from === q.from && r.to === q.to) return p;
  }
  return 'custom';
}

/** This year, every hall: what the dashboard opens with. */
export const defaultQuery = (today: string): DashboardQuery => ({ ...presetPeriod('year', today), halls: [] });
