// A number on the dashboard that opens the cases behind it.
import { Button } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { figureToString, type Figure } from '../../../shared/supervision/figures';
import { formatNumber } from '../../i18n';

export function FigureButton({
  figure,
  value,
  label,
  unit = 'case',
  open,
  style,
}: {
  figure: Figure;
  /** What the button shows: a count, or any text (an average, a rate). */
  value: number | string;
  /** What it counts, read out with the value: "已交付：4 件". */
  label: string;
  /** What is counted: cases (件), ratings (条) or rectifications (项). */
  unit?: 'case' | 'rating' | 'item';
  open(figure: string): void;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const shown = typeof value === 'number' ? formatNumber(value) : value;
  return (
    <Button
      type="link"
      aria-label={t(`supervision.figure.${unit}`, { label, value: shown })}
      style={{ paddingInline: 0, height: 'auto', fontVariantNumeric: 'tabular-nums', ...style }}
      onClick={() => open(figureToString(figure))}
    >
      {shown}
    </Button>
  );
}
