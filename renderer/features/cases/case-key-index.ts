// The search keys of every case on this counter, in memory: what the search box matches (case
// number, applicant's name, ID number). Kept from the store's key log (renderer/data/db.ts,
// `caseKeys`): records applied in order, a later entry for a case replacing the earlier one, an
// entry of the id alone removing it. Each key is bucketed by its first characters, so a prefix
// looks at the cases of one bucket: a millisecond or two for a device-and-day prefix matching 9,000
// cases, which cost the list some 200 ms through the store's indexes (a read per match).
import type { CaseKeyEntry } from '../../data/db';
import type { SearchPrefixes } from './case-filters';

/**
 * One key's values bucketed by their first `length` characters (a case number's counter code, a
 * name's surname, an ID number's region and month of birth): a prefix at least that long looks in
 * one bucket, a shorter one takes the buckets whose key starts with it whole. A change is a move
 * between two buckets; nothing is sorted.
 */
class PrefixBuckets {
  private readonly buckets = new Map<string, Set<number>>();

  /** `value(slot)`: the slot's value now. */
  constructor(
    private readonly length: number,
    private readonly value: (slot: number) => string,
  ) {}

  add(slot: number, key: string): void {
    const b = key.slice(0, this.length);
    let set = this.buckets.get(b);
    if (!set) this.buckets.set(b, (set = new Set()));
    set.add(slot);
  }

  remove(slot: number, key: string): void {
    const b = key.slice(0, this.length);
    const set = this.buckets.get(b);
    if (!set) return;
    set.delete(slot);
    if (set.size === 0) this.buckets.delete(b);
  }

  /** Calls `found` with the slot of every case whose value starts with `prefix`. */
  withPrefix(prefix: string, found: (slot: number) => void): void {
    if (prefix.length >= this.length) {
      for (const slot of this.buckets.get(prefix.slice(0, this.length)) ?? []) if (this.value(slot).startsWith(prefix)) found(slot);
      return;
    }
    // Every value of a bucket starts with its key, which is longer than the prefix (or the whole value).
    for (const [b, set] of this.buckets) if (b.startsWith(prefix)) for (const slot of set) found(slot);
  }
}

export class CaseKeyIndex {
  private readonly ids: (string | undefined)[] = [];
  private readonly caseNos: string[] = [];
  private readonly names: string[] = [];
  private readonly idNumbers: string[] = [];
  private readonly slot = new Map<string, number>();
  private readonly free: number[] = [];
  // A counter's code (BJ01A-, SJZ01A-: five characters tell counters apart), a surname, an ID
  // number's region and year and month of birth.
  private readonly byCaseNo = new PrefixBuckets(5, (i) => this.caseNos[i]!);
  private readonly byName = new PrefixBuckets(1, (i) => this.names[i]!);
  private readonly byIdNumber = new PrefixBuckets(12, (i) => this.idNumbers[i]!);

  /** How many cases the index holds. */
  get size(): number {
    return this.slot.size;
  }

  /** Applies one record's entries, in order. */
  apply(entries: readonly CaseKeyEntry[]): void {
    for (const entry of entries) {
      const [caseId] = entry;
      const at = this.slot.get(caseId);
      if (at !== undefined) {
        this.byCaseNo.remove(at, this.caseNos[at]!);
        this.byName.remove(at, this.names[at]!);
        this.byIdNumber.remove(at, this.idNumbers[at]!);
      }
      if (entry.length === 1) {
        if (at === undefined) continue;
        this.slot.delete(caseId);
        this.ids[at] = undefined;
        this.free.push(at);
        continue;
      }
      const i = at ?? this.free.pop() ?? this.ids.length;
      this.ids[i] = caseId;
      this.caseNos[i] = entry[1];
      this.names[i] = entry[2];
      this.idNumbers[i] = entry[3];
      this.slot.set(caseId, i);
      this.byCaseNo.add(i, entry[1]);
      this.byName.add(i, entry[2]);
      this.byIdNumber.add(i, entry[3]);
    }
  }

  /** The cases whose case number, name or ID number starts with the search's keys. */
  search(keys: SearchPrefixes): Set<string> {
    const out = new Set<string>();
    const add = (slot: number) => void out.add(this.ids[slot]!);
    this.byCaseNo.withPrefix(keys.caseNo, add);
    this.byName.withPrefix(keys.name, add);
    for (const n of keys.idNumbers) this.byIdNumber.withPrefix(n, add);
    return out;
  }

  /** Every case's entry, in chunks of `size`: what the key log compacts to. */
  chunks(size: number): CaseKeyEntry[][] {
    const out: CaseKeyEntry[][] = [];
    let chunk: CaseKeyEntry[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i];
      if (id === undefined) continue;
      chunk.push([id, this.caseNos[i]!, this.names[i]!, this.idNumbers[i]!]);
      if (chunk.length === size) {
        out.push(chunk);
        chunk = [];
      }
    }
    if (chunk.length) out.push(chunk);
    return out;
  }
}
