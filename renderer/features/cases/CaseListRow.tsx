// One line of the case list and the header above the lines: the same grid of columns for both.
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { cityLabel } from '../../i18n/labels';
import { PlainTag } from '../../ui/plain';
import type { CaseListItem } from './case-query';
import { beijingTime } from './format';
import { DeadlineTag } from './DeadlineTag';
import { STATE_COLORS } from './state-colors';

export const ROW_HEIGHT = 44;

const COLUMNS = [
  { key: 'caseNo', width: '210px' },
  { key: 'applicant', width: '110px' },
  { key: 'idNumber', width: '180px' },
  { key: 'item', width: 'minmax(180px, 1fr)' },
  { key: 'state', width: '120px' },
  { key: 'halls', width: '150px' },
  { key: 'promised', width: '190px' },
  { key: 'received', width: '140px' },
  { key: 'sync', width: '76px' },
] as const;

export const GRID_COLUMNS = COLUMNS.map((c) => c.width).join(' ');
const cellStyle: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', padding: '0 8px' };

export function CaseListHeader() {
  const { t } = useTranslation();
  return (
    <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID_COLUMNS, alignItems: 'center', height: 40, fontWeight: 600, background: '#fafafa', borderBottom: '1px solid #f0f0f0' }}>
      {COLUMNS.map((c) => (
        <div key={c.key} role="columnheader" style={cellStyle}>
          {t(`cases.column.${c.key}`)}
        </div>
      ))}
    </div>
  );
}

interface RowProps {
  index: number;
  id: string;
  item: CaseListItem | undefined;
  selected: boolean;
  onClick(index: number, id: string): void;
}

/**
 * Memoized: scrolling draws new rows, and the rows still in view do not render again. A row that
 * only moves (cases added above it: a new counter's snapshot, a case taken at another counter)
 * changes its place and nothing else: its cells are memoized on the line alone.
 */
export const CaseListRow = memo(function CaseListRow({ index, id, item, selected, onClick }: RowProps) {
  const style: CSSProperties = {
    position: 'absolute',
    top: index * ROW_HEIGHT,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: GRID_COLUMNS,
    alignItems: 'center',
    borderBottom: '1px solid #f0f0f0',
    background: selected ? '#fde8e4' : undefined,
    cursor: 'pointer',
    // Each row lays out and paints on its own: drawing a new one touches nothing else.
    contain: 'strict',
  };
  return (
    <div role="row" id={`case-row-${id}`} aria-rowindex={index + 2} aria-selected={selected} style={style} onClick={() => onClick(index, id)}>
      {item ? <RowCells item={item} /> : <LoadingCell />}
    </div>
  );
});

function LoadingCell() {
  const { t } = useTranslation();
  return (
    <div role="gridcell" style={{ ...cellStyle, color: '#bbb' }}>
      {t('cases.loading')}
    </div>
  );
}

/** Plain elements and tags (renderer/ui/plain.tsx): a screen of rows is drawn and left often. */
const RowCells = memo(function RowCells({ item }: { item: CaseListItem }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="gridcell" style={{ ...cellStyle, fontFamily: 'monospace' }}>
        {item.caseNo}
      </div>
      <div role="gridcell" style={cellStyle}>
        {item.applicantName}
      </div>
      <div role="gridcell" style={{ ...cellStyle, fontFamily: 'monospace' }}>
        {item.idMasked}
      </div>
      <div role="gridcell" style={cellStyle} title={item.itemName}>
        {item.itemName}
      </div>
      <div role="gridcell" style={cellStyle}>
        <PlainTag color={STATE_COLORS[item.state]}>{t(`state.${item.state}`)}</PlainTag>
      </div>
      <div role="gridcell" style={cellStyle}>
        {cityLabel(item.intakeHallId)} / {cityLabel(item.homeHallId)} / {cityLabel(item.deliveryHallId)}
      </div>
      <div role="gridcell" style={cellStyle}>
        <DeadlineTag deadline={item.deadline} compact />
      </div>
      <div role="gridcell" style={cellStyle}>
        <span className="tb-secondary">{beijingTime(item.receivedAt)}</span>
      </div>
      <div role="gridcell" style={cellStyle}>
        {item.pending > 0 ? (
          <PlainTag color="gold" title={t('cases.pendingTitle', { count: item.pending })}>
            {t('cases.pendingTag')}
          </PlainTag>
        ) : null}
      </div>
    </>
  );
});
