// Tags drawn as plain spans that look like antd's Tag, for the case list's rows. Each antd Tag
// registers its styles through cssinjs at every render (a hash of its token and class names) and
// drops its hold on them when it leaves: with three or four tags on each of some sixty rows, drawing
// or leaving a screen of rows cost tens of milliseconds in one task. These take one stylesheet, made
// once from antd's own design tokens (the preset colours and the status colours, as its Tag does),
// and hoisted into the head by React: a row's tags are then a span each.
import { FastColor } from '@ant-design/fast-color';
import { theme } from 'antd';
import type { ReactNode } from 'react';
import { THEME_TOKEN } from './theme';

/** antd's preset colours, whose palettes the token carries as `blue1`, `blue7` …. */
const PRESETS = ['blue', 'purple', 'cyan', 'green', 'magenta', 'pink', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'lime', 'gold'] as const;
/** A status colour and the token names it takes: antd's Tag draws `processing` in the info colours. */
const STATUSES = { success: 'Success', processing: 'Info', error: 'Error', warning: 'Warning' } as const;

let css: string | undefined;

/**
 * The stylesheet, made on first use: antd's tokens for the counter's theme, as its Tag (antd 6's
 * default `filled` variant: no visible border; the grey one solid, laid over the background with
 * antd's own colour library) uses them.
 */
function plainTagCss(): string {
  if (css !== undefined) return css;
  const token = theme.getDesignToken({ token: THEME_TOKEN });
  const tk = token as unknown as Record<string, string>;
  const lineHeight = Math.round(token.lineHeightSM * token.fontSizeSM);
  const rules = [
    `.tb-tag{display:inline-block;box-sizing:border-box;padding-inline:${token.paddingXS - token.lineWidth}px;font-size:${token.fontSizeSM}px;line-height:${lineHeight}px;white-space:nowrap;` +
      `background:${new FastColor(token.colorFillTertiary).onBackground(token.colorBgContainer).toHexString()};border:${token.lineWidth}px solid transparent;border-radius:${token.borderRadiusSM}px;color:${token.colorText}}`,
    ...PRESETS.map((c) => `.tb-tag-${c}{background:${tk[`${c}1`]};color:${tk[`${c}7`]}}`),
    ...Object.entries(STATUSES).map(([s, k]) => `.tb-tag-${s}{background:${tk[`color${k}Bg`]};color:${tk[`color${k}`]}}`),
    `.tb-secondary{color:${token.colorTextSecondary}}`,
    `.tb-inline{display:inline-flex;align-items:center;gap:${token.paddingXXS}px}`,
  ];
  css = rules.join('\n');
  return css;
}

/** The stylesheet, once per screen that draws plain tags: React puts it in the head and keeps one copy. */
export function PlainTagStyles() {
  return (
    <style href="tongban-plain-tag" precedence="tongban">
      {plainTagCss()}
    </style>
  );
}

/**
 * A tag: `color` one of antd's preset or status colours (`default`, or anything else, is grey). The
 * screen that draws it draws <PlainTagStyles /> once (the case list's table does).
 */
export function PlainTag({ color, title, children }: { color?: string | undefined; title?: string; children: ReactNode }) {
  return (
    <span className={color ? `tb-tag tb-tag-${color}` : 'tb-tag'} title={title}>
      {children}
    </span>
  );
}
