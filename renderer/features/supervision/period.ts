// The dashboard's periods: the presets offered, and the one it opens with (this year).
import dayjs from 'dayjs';
import type { DashboardQuery } from '../../../shared/supervision/dashboard';

export type Preset = 'year' | 'month' | 'days30' | 'all' | 'custom';

export const PRESETS: { value: Preset; label: string }[] = [
  { value: 'year', label: '本年' },
  { value: 'month', label: '本月' },
  { value: 'days30', label: '近 30 天' },
  { value: 'all', label: '全部' },
  { value: 'custom', label: '自定义' },
];

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
