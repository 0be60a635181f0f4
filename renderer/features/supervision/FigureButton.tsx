// A number on the dashboard that opens the cases behind it.
import { Button } from 'antd';
import type { CSSProperties } from 'react';
import { figureToString, type Figure } from '../../../shared/supervision/figures';

export const count = (n: number) => n.toLocaleString('zh-CN');

export function FigureButton({
  figure,
  value,
  label,
  unit = '件',
  open,
  style,
}: {
  figure: Figure;
  /** What the button shows: a count, or any text (an average, a rate). */
  value: number | string;
  /** What it counts, read out with the value: "已交付：4 件". */
  label: string;
  unit?: string;
  open(figure: string): void;
  style?: CSSProperties;
}) {
  const shown = typeof value === 'number' ? count(value) : value;
  return (
    <Button
      type="link"
      aria-label={`${label}：${shown}${unit ? ` ${unit}` : ''}`}
      style={{ paddingInline: 0, height: 'auto', fontVariantNumeric: 'tabular-nums', ...style }}
      onClick={() => open(figureToString(figure))}
    >
      {shown}
    </Button>
  );
}
