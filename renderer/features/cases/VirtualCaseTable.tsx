// The case list as a virtual grid: only the rows in view (and a few beyond) are drawn, and only a
// window of rows around them is read from the store, so 200,000 cases scroll like 20.
import { useTranslation } from 'react-i18next';
import { Empty } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DeadlineContext } from './case-query';
import { CaseListHeader, CaseListRow, ROW_HEIGHT } from './CaseListRow';
import { drawRange, scrollToShow, windowRange } from './list-window';
import { useWindowRows } from './use-case-list';
import type { CaseIds } from './packed-ids';

interface Props {
  ids: CaseIds;
  ctx: DeadlineContext;
  selected: number;
  onSelect(index: number): void;
  onOpen(caseId: string): void;
  onKeyDown(e: KeyboardEvent): void;
  /** How many rows fit: the page step of PageUp and PageDown. */
  onViewportRows(rows: number): void;
  emptyText: string;
}

export function VirtualCaseTable({ ids, ctx, selected, onSelect, onOpen, onKeyDown, onViewportRows, emptyText }: Props) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    setHeight(el.clientHeight);
    // Shown again after being kept hidden (App.tsx): the box may have lost its scroll position.
    setScrollTop(el.scrollTop);
    return () => ro.disconnect();
  }, []);
  useEffect(() => onViewportRows(Math.max(1, Math.floor(height / ROW_HEIGHT))), [height, onViewportRows]);

  // Keep the selected row in view as the keys move it.
  useEffect(() => {
    const el = body.current;
    if (!el || ids.length === 0) return;
    const next = scrollToShow(selected, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (next !== el.scrollTop) el.scrollTop = next;
  }, [selected, ids]);

  const [drawFrom, drawTo] = drawRange(scrollTop, height, ROW_HEIGHT, ids.length);
  const [readFrom, readTo] = windowRange(Math.floor(scrollTop / ROW_HEIGHT), Math.ceil(height / ROW_HEIGHT), ids.length);
  const rows = useWindowRows(ids, readFrom, readTo, ctx);
  const selectedId = ids.at(selected);
  const activate = useCallback(
    (index: number, id: string) => {
      onSelect(index);
      onOpen(id);
    },
    [onSelect, onOpen],
  );

  const drawn = [];
  for (let i = drawFrom; i < drawTo; i++) {
    const id = ids.at(i)!;
    drawn.push(<CaseListRow key={id} index={i} id={id} item={rows.get(id)} selected={i === selected} onClick={activate} />);
  }

  return (
    <div
      role="grid"
      aria-label={t('cases.list')}
      aria-rowcount={ids.length + 1}
      aria-activedescendant={selectedId ? `case-row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 200, background: '#fff', border: '1px solid #f0f0f0', borderRadius: 8, overflowX: 'auto', outline: 'none' }}
    >
      <div role="rowgroup" style={{ minWidth: 1280 }}>
        <CaseListHeader />
      </div>
      <div ref={body} role="rowgroup" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} style={{ flex: 1, minHeight: 0, overflowY: 'auto', minWidth: 1280, position: 'relative', contain: 'strict' }}>
        {ids.length === 0 ? (
          <Empty description={emptyText} style={{ marginTop: 48 }} />
        ) : (
          <div style={{ height: ids.length * ROW_HEIGHT, position: 'relative' }}>{drawn}</div>
        )}
      </div>
    </div>
  );
}
