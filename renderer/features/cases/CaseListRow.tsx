// One line of the case list and the header above the lines: the same grid of columns for both.
import { Tag, Typography } from 'antd';
import { memo, type CSSProperties } from 'react';
import { SEED_HALLS } from '../../../shared/halls';
import { STATE_LABELS } from '../../../shared/case/states';
import type { CaseListItem } from './case-query';
import { beijingTime } from './format';
import { DeadlineTag } from './DeadlineTag';
import { STATE_COLORS } from './state-colors';

export const ROW_HEIGHT = 44;

const COLUMNS: { title: string; width: string }[] = [
  { title: '办件编号', width: '210px' },
  { title: '申请人', width: '110px' },
  { title: '证件号码', width: '180px' },
  { title: '事项', width: 'minmax(180px, 1fr)' },
  { title: '状态', width: '120px' },
  { title: '受理/主管/领取', width: '150px' },
  { title: '承诺办结', width: '190px' },
  { title: '受理时间', width: '140px' },
  { title: '同步', width: '76px' },
];

export const GRID_COLUMNS = COLUMNS.map((c) => c.width).join(' ');
const cellStyle: CSSProperties = { overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', padding: '0 8px' };

function city(hallId: string): string {
  return SEED_HALLS.find((h) => h.hallId === hallId)?.city ?? hallId;
}

export function CaseListHeader() {
  return (
    <div role="row" aria-rowindex={1} style={{ display: 'grid', gridTemplateColumns: GRID_COLUMNS, alignItems: 'center', height: 40, fontWeight: 600, background: '#fafafa', borderBottom: '1px solid #f0f0f0' }}>
      {COLUMNS.map((c) => (
        <div key={c.title} role="columnheader" style={cellStyle}>
          {c.title}
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

/** Memoized: scrolling draws new rows, and the rows still in view do not render again. */
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
  if (!item) {
    return (
      <div role="row" id={`case-row-${id}`} aria-rowindex={index + 2} aria-selected={selected} style={style} onClick={() => onClick(index, id)}>
        <div role="gridcell" style={{ ...cellStyle, color: '#bbb' }}>
          正在读取…
        </div>
      </div>
    );
  }
  return (
    <div role="row" id={`case-row-${id}`} aria-rowindex={index + 2} aria-selected={selected} style={style} onClick={() => onClick(index, id)}>
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
        <Tag color={STATE_COLORS[item.state]}>{STATE_LABELS[item.state]}</Tag>
      </div>
      <div role="gridcell" style={cellStyle}>
        {city(item.intakeHallId)} / {city(item.homeHallId)} / {city(item.deliveryHallId)}
      </div>
      <div role="gridcell" style={cellStyle}>
        <DeadlineTag deadline={item.deadline} compact />
      </div>
      <div role="gridcell" style={cellStyle}>
        <Typography.Text type="secondary">{beijingTime(item.receivedAt)}</Typography.Text>
      </div>
      <div role="gridcell" style={cellStyle}>
        {item.pending > 0 ? (
          <Tag color="gold" title={`本机有 ${item.pending} 项操作尚未上传中心`}>
            待同步
          </Tag>
        ) : null}
      </div>
    </div>
  );
});
