// The dashboard's words on screen, in the language shown: whose cases this device holds, what a figure
// counts (the list's heading), and a listed case's deadline, ratings and rectifications. The printed
// statistics (print-dashboard.ts) and the Excel export (export-xlsx.ts, with shared/'s figureTitle)
// keep the Chinese of the papers; in Chinese, these words are the same as those.
import type { CaseLine } from '../../../shared/supervision/dashboard';
import { ALL, type Figure, type RectificationFilter } from '../../../shared/supervision/figures';
import { t } from '../../i18n';
import { hallLabel } from '../../i18n/labels';

/** A rate as a percentage with one decimal, or a dash where there is nothing to rate. */
export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/** Whose cases this device holds: every hall's (a region device) or its own hall's. */
export const scopeLabel = (scope: 'hall' | 'region', hallId: string): string =>
  scope === 'region' ? t('supervision.scopeRegion') : t('supervision.scopeHall', { hall: hallLabel(hallId) });

const hallOrAll = (hallId: string) => (hallId === ALL ? t('supervision.figureTitle.allHalls') : hallLabel(hallId));

const RECT_TITLES = {
  all: 'supervision.figureTitle.rectAll',
  open: 'supervision.figureTitle.rectOpen',
  reported: 'supervision.figureTitle.rectReported',
  overdue: 'supervision.figureTitle.rectOverdue',
} as const satisfies Record<RectificationFilter, string>;

/** What the figure counts, for the list's heading (shared/'s figureTitle words it for the export). */
export function figureLabel(f: Figure, itemName: (code: string) => string = (c) => c): string {
  switch (f.kind) {
    case 'total':
      return t('supervision.figureTitle.total');
    case 'flagged':
      return t('supervision.figureTitle.flagged');
    case 'state':
      return t('supervision.figureTitle.state', { bucket: t(`stateBucket.${f.bucket}`) });
    case 'risk':
      return f.level === 'overdue' ? t('supervision.figureTitle.overdue') : t('supervision.figureTitle.atRisk');
    case 'duration':
      if (f.key === ALL) return t('supervision.figureTitle.delivered');
      return f.by === 'item'
        ? t('supervision.figureTitle.deliveredItem', { item: itemName(f.key) })
        : t('supervision.figureTitle.deliveredHall', { hall: hallLabel(f.key) });
    case 'flow':
      return t('supervision.figureTitle.flow', { intake: hallLabel(f.intakeHallId), home: hallLabel(f.homeHallId) });
    case 'rating': {
      const hall = hallOrAll(f.hallId);
      if (f.level === 'all') return t('supervision.figureTitle.ratingAll', { hall });
      if (f.level === 'bad') return t('supervision.figureTitle.ratingBad', { hall });
      return t('supervision.figureTitle.ratingLevel', { hall, level: t(`ratingLevel.${f.level}`) });
    }
    case 'rectification':
      return t(RECT_TITLES[f.status], { hall: hallOrAll(f.hallId) });
  }
}

/** The promised date (or the paused clock) and how it stands, for a case still running. */
export const deadlineLabel = (l: CaseLine): string => {
  if (!l.risk) return '';
  return t('supervision.list.deadline', { due: l.dueDate ?? t('supervision.list.paused'), risk: t(`supervision.list.risk.${l.risk}`) });
};

export const ratingsLabel = (l: CaseLine): string =>
  l.ratings
    .map((r) => t('supervision.list.rating', { stage: t(`ratingStage.${r.stage}`), level: t(`ratingLevel.${r.level}`), hall: hallLabel(r.hallId) }))
    .join(t('supervision.list.separator'));

export const rectificationsLabel = (l: CaseLine): string =>
  l.rectifications
    .map(
      (r) =>
        t('supervision.list.rectificationLine', { hall: hallLabel(r.hallId), status: t(`rectificationStatus.${r.status}`), due: r.dueDate }) +
        (r.overdue ? t('supervision.list.rectificationOverdue') : ''),
    )
    .join(t('supervision.list.separator'));
