// Plain elements that look like antd's, for what is drawn often or in numbers: the case list's tags,
// the intake screen's shortcut keys, the receipt's heading and texts. Each antd Tag or Typography
// registered its styles through cssinjs at every render (a hash of its token and class names; antd
// now takes its prebuilt stylesheet, main.tsx, but each still registers its CSS variables), and a
// Typography also watches its size for ellipsis: with three or four tags on each of some sixty rows,
// drawing or leaving a screen of rows cost tens of milliseconds in one task, and the receipt's texts
// and the shortcut keys a good part of the wait for the receipt. These take one stylesheet, made once
// from antd's own design tokens (the preset colours and the status colours, as its Tag does, the
// heading and keyboard styles as its Typography does), put in the head at start-up (static-styles.ts).
import { FastColor } from '@ant-design/fast-color';
import { theme } from 'antd';
import type { ReactNode } from 'react';
import { THEME_TOKEN } from './theme';

/** antd's preset colours, whose palettes the token carries as `blue1`, `blue7` …. */
const PRESETS = ['blue', 'purple', 'cyan', 'green', 'magenta', 'pink', 'red', 'orange', 'yellow', 'volcano', 'geekblue', 'lime', 'gold'] as const;
/** A status colour and the token names it takes: antd's Tag draws `processing` in the info colours. */
const STATUSES = { success: 'Success', processing: 'Info', error: 'Error', warning: 'Warning' } as const;

/**
 * The stylesheet (put in the head once, at start-up): antd's tokens for the counter's theme, as its Tag (antd 6's
 * default `filled` variant: no visible border; the grey one solid, laid over the background with
 * antd's own colour library) uses them.
 */
export function plainCss(): string {
  const token = theme.getDesignToken({ token: THEME_TOKEN });
  const tk = token as unknown as Record<string, string>;
  const lineHeight = Math.round(token.lineHeightSM * token.fontSizeSM);
  const rules = [
    `.tb-tag{display:inline-block;box-sizing:border-box;padding-inline:${token.paddingXS - token.lineWidth}px;font-size:${token.fontSizeSM}px;line-height:${lineHeight}px;white-space:nowrap;` +
      `background:${new FastColor(token.colorFillTertiary).onBackground(token.colorBgContainer).toHexString()};border:${token.lineWidth}px solid transparent;border-radius:${token.borderRadiusSM}px;color:${token.colorText}}`,
    ...PRESETS.map((c) => `.tb-tag-${c}{background:${tk[`${c}1`]};color:${tk[`${c}7`]}}`),
    ...Object.entries(STATUSES).map(([s, k]) => `.tb-tag-${s}{background:${tk[`color${k}Bg`]};color:${tk[`color${k}`]}}`),
    `.tb-secondary{color:${token.colorTextSecondary}}`,
    `.tb-success{color:${token.colorSuccessText}}`,
    `.tb-small{font-size:${token.fontSizeSM}px}`,
    `.tb-inline{display:inline-flex;align-items:center;gap:${token.paddingXXS}px}`,
    `.tb-h4{margin:0;color:${token.colorTextHeading};font-size:${token.fontSizeHeading4}px;line-height:${token.lineHeightHeading4};font-weight:${token.fontWeightStrong}}`,
    `.tb-bold{font-weight:${token.fontWeightStrong}}`,
    // As Typography's `keyboard`.
    `.tb-kbd{margin-inline:0.2em;padding:0.15em 0.4em 0.1em;font-family:inherit;font-size:90%;background:rgba(150,150,150,0.06);border:1px solid rgba(100,100,100,0.2);border-bottom-width:2px;border-radius:3px}`,
    // As Typography's copy button: a link-coloured icon without a frame.
    `.tb-icon-button{margin-inline-start:${token.marginXXS}px;padding:0;border:0;background:transparent;color:${token.colorLink};cursor:pointer;font-size:inherit}`,
    `.tb-icon-button:hover{color:${token.colorLinkHover}}`,
    `.tb-icon-button:focus-visible{outline:${token.lineWidthFocus}px solid ${token.colorPrimaryBorder};outline-offset:1px;border-radius:${token.borderRadiusSM}px}`,
  ];
  return rules.join('\n');
}

/**
 * A tag: `color` one of antd's preset or status colours (`default`, or anything else, is grey).
 */
export function PlainTag({ color, title, children }: { color?: string | undefined; title?: string; children: ReactNode }) {
  return (
    <span className={color ? `tb-tag tb-tag-${color}` : 'tb-tag'} title={title}>
      {children}
    </span>
  );
}
