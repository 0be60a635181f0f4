// The UI's two languages: English has every key Chinese has, nothing more, no empty text, and the
// same {{placeholders}} and <tags> in each string; the labels of shared/ enums are the ones shared/ has;
// switching the language switches what t() gives, and Chinese stays the default. The screens made
// from words of their own (video consultation, supervision) say in Chinese exactly what shared/ and
// the Chinese papers say, and English in English; the papers stay Chinese in English too.
import { afterEach, describe, expect, it } from 'vitest';
import { durationText } from '../../../shared/consult/record';
import type { CaseLine, DashboardQuery } from '../../../shared/supervision/dashboard';
import { ALL, figureTitle, STATE_BUCKETS, type Figure } from '../../../shared/supervision/figures';
import { callDuration, mediaErrorMessage } from '../../../renderer/features/consult/words';
import { deadlineWords, exportSubtitle, ratingWords, rectificationWords } from '../../../renderer/features/supervision/export-xlsx';
import { hallsLabel, periodLabel, presetOptions } from '../../../renderer/features/supervision/period';
import { hallsText, periodText, scopeWords } from '../../../renderer/features/supervision/print-dashboard';
import { decodeQuery } from '../../../renderer/features/supervision/query-param';
import { deadlineLabel, figureLabel, ratingsLabel, rectificationsLabel, scopeLabel } from '../../../renderer/features/supervision/words';
import { en } from '../../../renderer/i18n/en';
import { formatDateTime, formatTime, i18n, t, translated } from '../../../renderer/i18n';
import { eventLabel, hallLabel, rolesLabel } from '../../../renderer/i18n/labels';
import { zhCN } from '../../../renderer/i18n/zh-CN';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const markers = (s: string) => [...new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}|<\/?(\w+)\s*\/?>/g)].map((m) => m[1] ?? `<${m[2]}>`))].sort();

const zh = leaves(zhCN as unknown as Tree);
const english = leaves(en as unknown as Tree);

describe('the resources', () => {
  it('English has every Chinese key and no other', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(300);
  });

  it('no string is empty in either language', () => {
    expect([...zh].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...english].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('each English string has the placeholders and tags of its Chinese one', () => {
    const differ = [...zh].filter(([k, v]) => JSON.stringify(markers(v)) !== JSON.stringify(markers(english.get(k) ?? '')));
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('English strings are English (no Han characters, but for the language selector’s own name)', () => {
    const han = [...english].filter(([k, v]) => k !== 'settings.language' && /\p{Script=Han}/u.test(v));
    expect(han.map(([k]) => k)).toEqual([]);
  });
});

describe('switching', () => {
  afterEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('is Chinese by default and English after the switch, back again after', async () => {
    expect(t('frame.menu.settings')).toBe('设置');
    expect(eventLabel('case.received')).toBe('受理');
    await i18n.changeLanguage('en');
    expect(t('frame.menu.settings')).toBe('Settings');
    expect(t('cases.found', { count: 3, total: 10 })).toBe('Found: 3 (on this machine: 10)');
    expect(eventLabel('case.received')).toBe('Received');
    expect(hallLabel('TJ')).toBe('Tianjin Government Service Center');
    expect(rolesLabel(['clerk', 'reviewer'])).toBe('Counter clerk, Reviewer');
    await i18n.changeLanguage('zh-CN');
    expect(rolesLabel(['clerk', 'reviewer'])).toBe('窗口受理员、审核员');
  });

  it('formats times in the language shown, as toLocale…String did, and midnight as 00 in English too', async () => {
    const times = ['2026-12-06T01:02:03Z', '2026-12-06T15:42:09Z', '2026-07-01T23:59:59Z'].map((s) => Date.parse(s));
    for (const at of times) {
      expect(formatTime(at)).toBe(new Date(at).toLocaleTimeString('zh-CN', { hour12: false }));
      expect(formatDateTime(at)).toBe(new Date(at).toLocaleString('zh-CN', { hour12: false }));
    }
    await i18n.changeLanguage('en');
    for (const at of times) expect(formatDateTime(at)).toBe(new Date(at).toLocaleString('en', { hour12: false }).replace(', 24:', ', 00:'));
    const midnight = new Date(2026, 0, 17, 0, 0, 0).getTime();
    expect(formatTime(midnight)).toBe('00:00:00');
    expect(formatDateTime(midnight)).toBe('1/17/2026, 00:00:00');
  });

  it('keeps what it has no translation for: a hall an admin added, an unknown error code', async () => {
    await i18n.changeLanguage('en');
    expect(hallLabel('LF')).toBe('LF');
    expect(translated('enroll.qr.SOMETHING_NEW', '原文')).toBe('原文');
  });
});

const FIGURES: Figure[] = [
  { kind: 'total' },
  { kind: 'flagged' },
  ...STATE_BUCKETS.map((bucket): Figure => ({ kind: 'state', bucket })),
  { kind: 'risk', level: 'at_risk' },
  { kind: 'risk', level: 'overdue' },
  { kind: 'duration', by: 'hall', key: ALL },
  { kind: 'duration', by: 'hall', key: 'TJ' },
  { kind: 'duration', by: 'item', key: 'XK00101001-BJ' },
  { kind: 'flow', intakeHallId: 'TJ', homeHallId: 'BJ' },
  { kind: 'rating', hallId: ALL, level: 'all' },
  { kind: 'rating', hallId: 'SJZ', level: 'bad' },
  { kind: 'rating', hallId: 'XA', level: 'basic' },
  ...(['all', 'open', 'reported', 'overdue'] as const).map((status): Figure => ({ kind: 'rectification', hallId: 'TJ', status })),
  { kind: 'rectification', hallId: ALL, status: 'open' },
];

const LINES = [
  { risk: 'overdue', dueDate: '2026-10-15', ratings: [], rectifications: [] },
  { risk: 'at_risk', dueDate: null, ratings: [], rectifications: [] },
  {
    risk: null,
    dueDate: '2026-11-02',
    ratings: [
      { stage: 'receipt', level: 'dissatisfied', hallId: 'TJ' },
      { stage: 'handover', level: 'satisfied', hallId: 'TJ' },
    ],
    rectifications: [
      { hallId: 'TJ', status: 'open', dueDate: '2026-11-20', overdue: true },
      { hallId: 'BJ', status: 'closed', dueDate: '2026-11-25', overdue: false },
    ],
  },
] as unknown as CaseLine[];

const QUERIES: DashboardQuery[] = [
  { from: null, to: null, halls: [] },
  { from: '2026-01-01', to: '2026-11-30', halls: ['TJ', 'SJZ'] },
  { from: '2026-01-01', to: null, halls: ['XA'] },
];

describe('the screens with words of their own', () => {
  afterEach(async () => {
    await i18n.changeLanguage('zh-CN');
  });

  it('say in Chinese what shared/ and the papers say', () => {
    const itemName = (code: string) => `事项 ${code}`;
    for (const f of FIGURES) expect(figureLabel(f, itemName)).toBe(figureTitle(f, itemName));
    for (const l of LINES) {
      expect(deadlineLabel(l)).toBe(deadlineWords(l));
      expect(ratingsLabel(l)).toBe(ratingWords(l));
      expect(rectificationsLabel(l)).toBe(rectificationWords(l));
    }
    for (const q of QUERIES) {
      expect(periodLabel(q)).toBe(periodText(q));
      expect(hallsLabel(q)).toBe(hallsText(q));
    }
    expect(scopeLabel('region', 'BJ')).toBe(scopeWords('region', 'BJ'));
    expect(scopeLabel('hall', 'TJ')).toBe(scopeWords('hall', 'TJ'));
    for (const s of [0, 7, 65, 3600, 3725, 7322]) expect(callDuration(s)).toBe(durationText(s));
    expect(presetOptions().map((o) => o.label)).toEqual(['本年', '本月', '近 30 天', '全部', '自定义']);
    expect(mediaErrorMessage(new DOMException('x', 'NotFoundError'))).toMatch(/^未找到摄像头或麦克风，无法视频会商。/);
  });

  it('speak English in English, and the papers stay Chinese', async () => {
    await i18n.changeLanguage('en');
    expect(figureLabel({ kind: 'state', bucket: 'delivered' })).toBe('Cases: Handed over');
    expect(figureLabel({ kind: 'flow', intakeHallId: 'TJ', homeHallId: 'BJ' })).toBe(
      'Cases received at Tianjin Government Service Center, home hall Beijing Government Service Center',
    );
    expect(figureLabel({ kind: 'rating', hallId: ALL, level: 'very_dissatisfied' })).toBe('All halls: cases rated “Very dissatisfied”');
    expect(deadlineLabel(LINES[1]!)).toBe('Paused for correction (due soon)');
    expect(ratingsLabel(LINES[2]!)).toBe('Intake: Dissatisfied (Tianjin Government Service Center); Handover: Satisfied (Tianjin Government Service Center)');
    expect(rectificationsLabel(LINES[2]!)).toBe(
      'Tianjin Government Service Center: To be rectified, due 2026-11-20 (overdue); Beijing Government Service Center: Closed, due 2026-11-25',
    );
    expect(periodLabel(QUERIES[2]!)).toBe('2026-01-01 to today');
    expect(hallsLabel(QUERIES[1]!)).toBe('Tianjin Government Service Center, Hebei Government Service Center (Shijiazhuang)');
    expect(callDuration(3725)).toBe('1 h 2 min');
    expect(decodeQuery('from=2026-13-01', QUERIES[0]!)).toMatchObject({ ok: false, error: { message: 'Invalid date in the period: 2026-13-01' } });
    expect(mediaErrorMessage(new DOMException('x', 'NotAllowedError'))).toMatch(/^No permission to use the camera and microphone/);
    // The papers: the Excel export and the printed statistics.
    expect(figureTitle({ kind: 'state', bucket: 'delivered' })).toBe('已交付的办件');
    expect(deadlineWords(LINES[0]!)).toBe('2026-10-15 已超期');
    expect(periodText(QUERIES[2]!)).toBe('2026-01-01 至 今日');
    expect(exportSubtitle(QUERIES[0]!, { scope: 'region', hallId: 'BJ' }, 3, '张督查', new Date('2026-11-30T02:00:00Z'))).toMatch(
      /^统计期间：全部期间；营业厅：全部营业厅；区域督查设备：全部营业厅的办件；共 3 件；导出：张督查 /,
    );
  });
});
