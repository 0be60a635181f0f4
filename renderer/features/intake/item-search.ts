// Finding a service item the way clerks type: part of the name, the code, or the pinyin initials
// (`hszy` → 护士执业注册) or full pinyin of the name.
import { pinyin } from 'pinyin-pro';
import type { Item } from '../../../shared/catalog/item-schema';

export interface SearchEntry {
  item: Item;
  name: string;
  code: string;
  initials: string;
  full: string;
}

function spell(name: string, pattern: 'first' | 'pinyin'): string {
  return pinyin(name, { pattern, toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase();
}

/**
 * Each name's pinyin, spelled once a session: the picker's index is made again whenever the
 * catalog is read (at every login, and after each refresh from the hub), mostly of the same names,
 * and spelling a catalog's names takes a screen's worth of time on a slow counter.
 */
const spelled = new Map<string, { initials: string; full: string }>();

function spellings(name: string): { initials: string; full: string } {
  let s = spelled.get(name);
  if (!s) spelled.set(name, (s = { initials: spell(name, 'first'), full: spell(name, 'pinyin') }));
  return s;
}

export function buildSearchIndex(items: readonly Item[]): SearchEntry[] {
  return items.map((item) => ({ item, name: item.name, code: item.code.toLowerCase(), ...spellings(item.name) }));
}

/** How well an entry matches: lower is better, null is no match. */
function rank(entry: SearchEntry, q: string): number | null {
  if (entry.code === q) return 0;
  if (entry.name.startsWith(q)) return 1;
  if (entry.initials.startsWith(q)) return 2;
  if (entry.name.includes(q)) return 3;
  if (entry.code.includes(q)) return 4;
  if (entry.initials.includes(q)) return 5;
  if (entry.full.includes(q)) return 6;
  return null;
}

/** The items that match `query`, best first (catalog order within a rank); all items for an empty query. */
export function searchItems(index: readonly SearchEntry[], query: string, limit = 50): Item[] {
  const q = query.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return index.slice(0, limit).map((e) => e.item);
  const hits: { entry: SearchEntry; rank: number; order: number }[] = [];
  index.forEach((entry, order) => {
    const r = rank(entry, q);
    if (r !== null) hits.push({ entry, rank: r, order });
  });
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.slice(0, limit).map((h) => h.entry.item);
}
