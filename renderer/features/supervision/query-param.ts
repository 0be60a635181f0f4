// The dashboard's period and halls (and, for a list, its figure) as the route's parameter, so the
// way back from a list or a case finds the dashboard as it was. A bad parameter is refused in words.
import { isIsoDate } from '../../../shared/calendar/calendar-data';
import type { DashboardQuery } from '../../../shared/supervision/dashboard';
import { HALL_ID_PATTERN } from '../../../shared/halls';
import { fail, ok, type Result } from '../../../shared/result';
import { t } from '../../i18n';

export function encodeQuery(q: DashboardQuery, figure?: string): string {
  const p = new URLSearchParams();
  if (figure) p.set('f', figure);
  if (q.from) p.set('from', q.from);
  if (q.to) p.set('to', q.to);
  if (q.halls.length) p.set('halls', q.halls.join(','));
  return p.toString();
}

export function decodeQuery(param: string | undefined, fallback: DashboardQuery): Result<{ query: DashboardQuery; figure: string | null }> {
  if (!param) return ok({ query: fallback, figure: null });
  const p = new URLSearchParams(param);
  const from = p.get('from');
  const to = p.get('to');
  const halls = (p.get('halls') ?? '').split(',').filter(Boolean);
  for (const d of [from, to]) if (d !== null && !isIsoDate(d)) return fail('BAD_QUERY', t('supervision.query.badDate', { date: d }));
  if (from && to && from > to) return fail('BAD_QUERY', t('supervision.query.fromAfterTo'));
  const badHall = halls.find((h) => !HALL_ID_PATTERN.test(h));
  if (badHall) return fail('BAD_QUERY', t('supervision.query.badHall', { hall: badHall }));
  return ok({ query: { from, to, halls }, figure: p.get('f') });
}
