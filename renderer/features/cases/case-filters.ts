// What the clerk filters the case list by, and the pure set arithmetic the queries share.
import type { CaseState } from '../../../shared/case/states';
import type { DeadlineFilter } from './deadline';

export type HallRole = 'intake' | 'home' | 'delivery';

export interface CaseFilters {
  search: string;
  states: CaseState[];
  itemCode: string | null;
  /** `intake:TJ`: cases whose intake hall is Tianjin; likewise home and delivery. */
  hall: string | null;
  deadline: DeadlineFilter | null;
}

export const NO_FILTERS: CaseFilters = { search: '', states: [], itemCode: null, hall: null, deadline: null };

/** The hall roles a filter can pick, in the order shown (their names are in renderer/i18n). */
export const HALL_ROLES: readonly HallRole[] = ['intake', 'home', 'delivery'];

export function parseHallFilter(value: string | null): { role: HallRole; hallId: string } | null {
  const m = value ? /^(intake|home|delivery):([A-Z]{2,6})$/.exec(value) : null;
  return m ? { role: m[1] as HallRole, hallId: m[2]! } : null;
}

/**
 * The prefixes one search box looks up: a case number in capitals (numbers are upper-case, so this
 * is case-insensitive), a name as typed, an identity number with a trailing x made X. Empty: no search.
 */
export interface SearchPrefixes {
  caseNo: string;
  name: string;
  /** As typed, and upper-cased when that differs: never the same twice. */
  idNumbers: string[];
}

export function searchPrefixes(input: string): SearchPrefixes | null {
  const q = input.normalize('NFKC').trim();
  if (q === '') return null;
  const compact = q.replace(/\s+/g, '');
  const upper = compact.toUpperCase();
  return { caseNo: upper, name: q, idNumbers: upper === compact ? [compact] : [compact, upper] };
}

/** Whether any filter narrows the list by index (search, state, item, hall); deadlines aside. */
export function hasIndexFilter(f: CaseFilters): boolean {
  return searchPrefixes(f.search) !== null || f.states.length > 0 || f.itemCode !== null || parseHallFilter(f.hall) !== null;
}

export function isFiltered(f: CaseFilters): boolean {
  return hasIndexFilter(f) || f.deadline !== null;
}

/** The intersection of key sets; null stands for "everything". */
export function intersect(sets: readonly (ReadonlySet<string> | null)[]): Set<string> | null {
  const real = sets.filter((s): s is ReadonlySet<string> => s !== null).sort((a, b) => a.size - b.size);
  if (real.length === 0) return null;
  const [smallest, ...rest] = real;
  const out = new Set<string>();
  for (const k of smallest!) if (rest.every((s) => s.has(k))) out.add(k);
  return out;
}

/** The ordered ids kept by a set (null keeps them all), in their order. */
export function keepOrdered(ordered: readonly string[], keep: ReadonlySet<string> | null): readonly string[] {
  return keep === null ? ordered : ordered.filter((id) => keep.has(id));
}
