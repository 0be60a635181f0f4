// The UI's two languages: English has every key Chinese has, nothing more, no empty text, and the
// same {{placeholders}} and <tags> in each string; the labels of shared/ enums are the ones shared/ has;
// switching the language switches what t() gives, and Chinese stays the default.
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_LABELS } from '../../../shared/case/states';
import { EVENT_LABELS } from '../../../shared/protocol/events';
import { ROLE_LABELS } from '../../../shared/protocol/primitives';
import { en } from '../../../renderer/i18n/en';
import { i18n, t, translated } from '../../../renderer/i18n';
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

  it('the Chinese labels of shared enums are shared’s own', () => {
    expect(zhCN.role).toEqual(ROLE_LABELS);
    expect(zhCN.event).toEqual(EVENT_LABELS);
    expect(zhCN.state).toEqual(STATE_LABELS);
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

  it('keeps what it has no translation for: a hall an admin added, an unknown error code', async () => {
    await i18n.changeLanguage('en');
    expect(hallLabel('LF')).toBe('LF');
    expect(translated('enroll.qr.SOMETHING_NEW', '原文')).toBe('原文');
  });
});
