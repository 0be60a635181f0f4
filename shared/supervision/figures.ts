// Every figure of the dashboard has a name that leads to the cases behind it: written as a short
// string (for the page address and the export's file name), read back with a clear refusal.
import { RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../protocol/events';
import { HALL_ID_PATTERN, hallName } from '../halls';
import { fail, ok, type Result } from '../result';

/** The case states as the dashboard groups them: approved covers issued and printed, not yet delivered. */
export const STATE_BUCKETS = ['received', 'in_review', 'needs_correction', 'approved', 'rejected', 'delivered', 'withdrawn'] as const;
export type StateBucket = (typeof STATE_BUCKETS)[number];

export const BUCKET_LABELS: Record<StateBucket, string> = {
  received: '待审核',
  in_review: '审核中',
  needs_correction: '待补正',
  approved: '已通过（未交付）',
  rejected: '不予办理',
  delivered: '已交付',
  withdrawn: '已撤回',
};

/** All halls, where a figure may be about one hall or every hall. */
export const ALL = '*';

export type RatingFilter = RatingLevel | 'all' | 'bad';
export type RectificationFilter = 'all' | 'open' | 'reported' | 'overdue';

export type Figure =
  | { kind: 'total' }
  | { kind: 'state'; bucket: StateBucket }
  | { kind: 'risk'; level: 'at_risk' | 'overdue' }
  /** Delivered cases, of one item or of one intake hall (key), or all of them (ALL). */
  | { kind: 'duration'; by: 'item' | 'hall'; key: string }
  | { kind: 'flow'; intakeHallId: string; homeHallId: string }
  | { kind: 'rating'; hallId: string; level: RatingFilter }
  | { kind: 'rectification'; hallId: string; status: RectificationFilter }
  | { kind: 'flagged' };

const RECT_LABELS: Record<RectificationFilter, string> = { all: '整改', open: '未办结整改', reported: '待审核整改', overdue: '超期未整改' };
const RATING_FILTERS: readonly string[] = [...RATING_LEVELS, 'all', 'bad'];
const RECT_FILTERS: readonly string[] = ['all', 'open', 'reported', 'overdue'];

const hallOrAll = (h: string) => h === ALL || HALL_ID_PATTERN.test(h);

export function figureToString(f: Figure): string {
  switch (f.kind) {
    case 'total':
    case 'flagged':
      return f.kind;
    case 'state':
      return `state:${f.bucket}`;
    case 'risk':
      return `risk:${f.level}`;
    case 'duration':
      return `duration:${f.by}:${f.key}`;
    case 'flow':
      return `flow:${f.intakeHallId}:${f.homeHallId}`;
    case 'rating':
      return `rating:${f.hallId}:${f.level}`;
    case 'rectification':
      return `rectification:${f.hallId}:${f.status}`;
  }
}

/** Reads a figure's name back; anything else is refused with the reason. */
export function parseFigure(text: string): Result<Figure> {
  const [kind, a = '', b = '', ...rest] = text.split(':');
  const bad = fail('BAD_FIGURE', `无法识别的统计项：${text.slice(0, 60)}`);
  if (rest.length > 0) return bad;
  switch (kind) {
    case 'total':
    case 'flagged':
      return a === '' ? ok({ kind }) : bad;
    case 'state':
      return (STATE_BUCKETS as readonly string[]).includes(a) && b === '' ? ok({ kind, bucket: a as StateBucket }) : bad;
    case 'risk':
      return (a === 'at_risk' || a === 'overdue') && b === '' ? ok({ kind, level: a }) : bad;
    case 'duration':
      return (a === 'item' || a === 'hall') && b !== '' ? ok({ kind, by: a, key: b }) : bad;
    case 'flow':
      return HALL_ID_PATTERN.test(a) && HALL_ID_PATTERN.test(b) ? ok({ kind, intakeHallId: a, homeHallId: b }) : bad;
    case 'rating':
      return hallOrAll(a) && RATING_FILTERS.includes(b) ? ok({ kind, hallId: a, level: b as RatingFilter }) : bad;
    case 'rectification':
      return hallOrAll(a) && RECT_FILTERS.includes(b) ? ok({ kind, hallId: a, status: b as RectificationFilter }) : bad;
    default:
      return bad;
  }
}

const hallWords = (h: string) => (h === ALL ? '各厅' : hallName(h));

/** What the figure counts, in words, for the list's heading and the export's title. */
export function figureTitle(f: Figure, itemName: (code: string) => string = (c) => c): string {
  switch (f.kind) {
    case 'total':
      return '受理办件';
    case 'flagged':
      return '督办未答复的办件';
    case 'state':
      return `${BUCKET_LABELS[f.bucket]}的办件`;
    case 'risk':
      return f.level === 'overdue' ? '已超期的办件' : '临期的办件';
    case 'duration':
      if (f.key === ALL) return '已交付的办件';
      return f.by === 'item' ? `已交付的办件 · ${itemName(f.key)}` : `已交付的办件 · ${hallName(f.key)}受理`;
    case 'flow':
      return `${hallName(f.intakeHallId)}受理、${hallName(f.homeHallId)}主管的办件`;
    case 'rating': {
      const level = f.level === 'all' ? '有评价' : f.level === 'bad' ? '有差评' : `评价为“${RATING_LABELS[f.level]}”`;
      return `${hallWords(f.hallId)}${level}的办件`;
    }
    case 'rectification':
      return `${hallWords(f.hallId)}${RECT_LABELS[f.status]}的办件`;
  }
}
