// The UI's languages: Chinese (the default and the source of every string) and English. i18next holds
// the resources; antd and dayjs follow the same choice (App.tsx, applyLanguage). Messages that come
// from shared/ (validators, the hub's refusals) and the printed papers stay Chinese.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { CounterSettings } from '../../shared/bridge';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export type Language = CounterSettings['language'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes what it renders
});

/** Switches the whole UI (our strings, antd through App.tsx, dayjs) at once, without a reload. */
export async function applyLanguage(lng: Language): Promise<void> {
  dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  // Typed without the DOM: the unit tests load this module in Node, where there is no document.
  const root = (globalThis as { document?: { documentElement: { lang: string } } }).document?.documentElement;
  if (root) root.lang = lng;
  await i18n.changeLanguage(lng);
}

/** The current language, for code outside React (formatting dates, messages made by plain functions). */
export const currentLanguage = (): Language => (i18n.language === 'en' ? 'en' : 'zh-CN');

/** A translation outside React: the message is made in the language shown at that moment. */
export const t = i18n.t.bind(i18n);

/** Date and time as this counter shows them, in the current language. */
// One formatter per language and style: toLocale…String builds a new Intl formatter on every call,
// some 10 ms the first time, in the middle of a screen's first render.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'time' | 'dateTime'): Intl.DateTimeFormat {
  const lng = currentLanguage();
  const key = `${lng}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    const date = style === 'dateTime' ? ({ year: 'numeric', month: 'numeric', day: 'numeric' } as const) : {};
    // h23: midnight is 00:00:00 in English too (hour12: false gave 24:00:00 there).
    f = new Intl.DateTimeFormat(lng, { ...date, hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(key, f);
  }
  return f;
}
export const formatTime = (at: number | string): string => formatter('time').format(new Date(at));
export const formatDateTime = (at: number | string): string => formatter('dateTime').format(new Date(at));

// A number with the language's grouping (200,000 / 200,000), one formatter per language for the
// same reason: a dashboard formats every figure, table cell and total.
const numbers = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number): string {
  const lng = currentLanguage();
  let f = numbers.get(lng);
  if (!f) numbers.set(lng, (f = new Intl.NumberFormat(lng)));
  return f.format(n);
}

/**
 * Makes both formatters of the current language and formats once, which loads the locale's data:
 * some 40 ms the first time, which the login screen spends while it waits for the clerk instead of
 * the first render of the counter's screens (the status bar's clock).
 */
export function warmFormatters(): void {
  formatTime(0);
  formatDateTime(0);
}

export { i18n };

/** The text under a key made at run time (an error code, a route), or the given text if there is none. */
export function translated(key: string, fallback: string): string {
  return i18n.exists(key) ? String(i18n.t(key as 'frame.appName')) : fallback;
}
