// Finding service items by name, code, pinyin initials and full pinyin.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../shared/catalog/item-schema';
import { buildSearchIndex, searchItems } from '../../../renderer/features/intake/item-search';
const catalog = parseCatalog(JSON.parse(readFileSync(new URL('../../../resources/catalog/catalog.json', import.meta.url), 'utf8')));
if (!catalog.ok) throw new Error(catalog.error.message);
const ITEMS = catalog.value.items;
const index = buildSearchIndex(ITEMS);
const names = (q: string) => searchItems(index, q).map((i) => i.name);

describe('item search', () => {
  it('finds 护士执业注册 by its pinyin initials, first', () => {
    expect(names('hszy')[0]).toBe('护士执业注册（首次注册）');
    expect(names('hszy').every((n) => n.startsWith('护士执业'))).toBe(true);
    expect(names('HSZY')).toEqual(names('hszy'));
  });

  it('finds by part of the name, the code, and full pinyin', () => {
    expect(names('公积金').length).toBeGreaterThanOrEqual(3);
    expect(names('公积金').every((n) => n.includes('公积金'))).toBe(true);
    expect(searchItems(index, 'xk00101001-bj').map((i) => i.code)).toEqual(['XK00101001-BJ']);
    expect(searchItems(index, 'XK00101001')[0]?.code).toMatch(/^XK00101001-/);
    expect(names('hushi')[0]).toMatch(/^护士执业注册/);
  });

  it('spells ü as v, as pinyin keyboards do', () => {
    expect(names('lszy')).toContain('律师执业证书信息核查');
    expect(names('lvshi')).toContain('律师变更执业机构');
  });

  it('ranks a name prefix above a match inside the name', () => {
    const found = names('社会保障卡');
    expect(found[0]).toMatch(/^社会保障卡/);
  });

  it('gives every item for an empty query and nothing for nonsense', () => {
    expect(searchItems(index, '  ', 100)).toHaveLength(ITEMS.length);
    expect(names('qqqqqq')).toEqual([]);
  });
});
