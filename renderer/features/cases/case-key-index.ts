// Every case on this counter as the case list needs it, in memory: what the search box matches (case
// number, applicant's name, ID number), what the filters keep (state, item, the three halls) and the
// order the list shows (newest received first). Kept from the store's list log
// (renderer/data/db.ts, `caseKeys`): records applied in order, a later entry for a case replacing
// the earlier one, an entry of the id alone removing it.
//
// Each search key is bucketed by its first characters, so a prefix looks at the cases of one
// bucket: a millisecond or two for a device-and-day prefix matching 9,000 cases, which cost the
// list some 200 ms through the store's indexes (a read per match). The order is kept sorted by
// merging in the cases that moved (a sort of those and one pass), when the list asks or when many
// have moved, so the list never sorts 200,000 cases in one task, and never reads every id through
// an index (2.7–3.5 s at 200,000 cases).
import type { CaseKeyEntry, HeadLine } from '../../data/db';
import type { HallRole, SearchPrefixes } from './case-filters';

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

  /** The slot's value goes from `from` to `to`: a move only when their buckets differ. */
  replace(slot: number, from: string, to: string): void {
    if (from.slice(0, this.length) === to.slice(0, this.length)) return;
    this.remove(slot, from);
    this.add(slot, to);
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

/** A head's pauses when it has none: one frozen list for all of them. */
const NO_PAUSES = Object.freeze([]) as unknown as HeadLine['pauses'];

/** Runs a generator's remaining steps at once. */
function drain(steps: Generator<void, void, void>): void {
  while (!steps.next().done);
}

/** Short strings many cases share (states, item codes, hall ids) as small numbers: one copy of each. */
class Codes {
  private readonly codes = new Map<string, number>();
  readonly values: string[] = [];

  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a value no case has had: -1, which no slot holds. */
  find(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/** What the list's filters (besides search and deadline) keep. */
export interface ColumnFilters {
  states: readonly string[];
  itemCode: string | null;
  hall: { role: HallRole; hallId: string } | null;
}

const HALL_COLUMN: Record<HallRole, 0 | 1 | 2> = { intake: 0, home: 1, delivery: 2 };

/** A case the index knows by its head only (no row stored yet): what its list line shows. */
export interface HeadRecord {
  caseId: string;
  caseNo: string;
  applicantName: string;
  idNumber: string;
  state: string;
  itemCode: string;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  line: HeadLine;
}

/** Moved slots that make the order's mending due (reorderDue): its reader mends it in steps then, not when the list asks (a sort of this many takes a few ms). */
const REORDER_AT = 16_384;
/** Places of the order a step of its mending goes through (reorderSteps): a few ms. */
const REORDER_STEP = 50_000;

export class CaseKeyIndex {
  private readonly ids: (string | undefined)[] = [];
  private readonly caseNos: string[] = [];
  private readonly names: string[] = [];
  private readonly idNumbers: string[] = [];
  private readonly states: number[] = [];
  private readonly items: number[] = [];
  /** Intake, home and delivery hall, by slot. */
  private readonly halls: [number[], number[], number[]] = [[], [], []];
  private readonly receivedAt: string[] = [];
  /** receivedAt in milliseconds (0 when it does not parse): what the order compares. */
  private readonly time: number[] = [];
  private readonly slot = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly stateCodes = new Codes();
  private readonly itemCodes = new Codes();
  private readonly hallCodes = new Codes();
  // A counter's code (BJ01A-, SJZ01A-: five characters tell counters apart), a surname, an ID
  // number's region and year and month of birth.
  private readonly byCaseNo = new PrefixBuckets(5, (i) => this.caseNos[i]!);
  private readonly byName = new PrefixBuckets(1, (i) => this.names[i]!);
  private readonly byIdNumber = new PrefixBuckets(12, (i) => this.idNumbers[i]!);
  /**
   * Every slot in the order, newest received first (ties: the greater id first, as the store's index
   * read backwards), and its ids; as of the last reorder. Slots in `moved` have changed since.
   */
  private order: number[] = [];
  private orderIds: string[] = [];
  private moved = new Set<number>();
  /** The order's mending, when a reader does it in steps (reorderSteps). */
  private reordering: Generator<void, void, void> | null = null;
  /** The slots of cases known by their head only, with what their list lines show besides the keys. */
  private readonly heads = new Map<number, HeadLine>();

  /** One copy of each word the heads repeat (their ID type, their item's name). */
  private readonly words = new Map<string, string>();

  private word(value: string): string {
    const kept = this.words.get(value);
    if (kept !== undefined) return kept;
    this.words.set(value, value);
    return value;
  }

  /**
   * A head as kept until its row is stored: its repeated words one copy each, no list for no pauses.
   * Read from the store, every head brings its own copies (some 30 MB at 200,000 cases), which
   * lived long enough to make the page's collections long.
   */
  private kept(head: HeadLine): HeadLine {
    head.idType = this.word(head.idType);
    if (head.itemName !== undefined) head.itemName = this.word(head.itemName);
    if (head.pauses.length === 0) head.pauses = NO_PAUSES;
    return head;
  }

  /** How many cases the index holds. */
  get size(): number {
    return this.slot.size;
  }

  /** How many of them are known by their head only: listed, their rows not stored yet. */
  get headCount(): number {
    return this.heads.size;
  }

  /** The case, when it is known by its head only; undefined when its row is stored (or it is unknown). */
  head(caseId: string): HeadRecord | undefined {
    const i = this.slot.get(caseId);
    const line = i === undefined ? undefined : this.heads.get(i);
    if (i === undefined || !line) return undefined;
    const hall = this.hallCodes.values;
    return {
      caseId,
      caseNo: this.caseNos[i]!,
      applicantName: this.names[i]!,
      idNumber: this.idNumbers[i]!,
      state: this.stateCodes.values[this.states[i]!]!,
      itemCode: this.itemCodes.values[this.items[i]!]!,
      intakeHallId: hall[this.halls[0][i]!]!,
      homeHallId: hall[this.halls[1][i]!]!,
      deliveryHallId: hall[this.halls[2][i]!]!,
      receivedAt: this.receivedAt[i]!,
      line,
    };
  }

  private readonly newer = (a: number, b: number): number => {
    const dt = this.time[b]! - this.time[a]!;
    if (dt !== 0) return dt;
    const x = this.ids[a]!;
    const y = this.ids[b]!;
    return x === y ? 0 : x < y ? 1 : -1;
  };

  /** Applies one record's entries, in order; returns how many of them were heads. */
  apply(entries: readonly CaseKeyEntry[]): number {
    this.finishReorder();
    let heads = 0;
    // Slots whose place in the order changes (new, gone, received at another time) wait in `moved`
    // for the list to ask, or for the reader to mend the order in steps (reorderSteps) when many have.
    const moved = this.moved;
    for (const entry of entries) {
      const [caseId] = entry;
      const at = this.slot.get(caseId);
      if (entry.length === 1) {
        if (at === undefined) continue;
        this.byCaseNo.remove(at, this.caseNos[at]!);
        this.byName.remove(at, this.names[at]!);
        this.byIdNumber.remove(at, this.idNumbers[at]!);
        this.slot.delete(caseId);
        this.heads.delete(at);
        this.ids[at] = undefined;
        this.free.push(at);
        moved.add(at);
        continue;
      }
      const [, caseNo, name, idNumber, state, itemCode, intake, home, delivery, receivedAt, head] = entry;
      const i = at ?? this.free.pop() ?? this.ids.length;
      if (head) {
        this.heads.set(i, this.kept(head));
        heads += 1;
      } else this.heads.delete(i);
      // A case written again keeps the search keys that did not change where they are: a new
      // counter's snapshot writes again every case its heads listed, with the same keys, and
      // taking 600,000 keys out of their buckets and back costs the page long tasks.
      if (at === undefined) {
        this.byCaseNo.add(i, caseNo);
        this.byName.add(i, name);
        this.byIdNumber.add(i, idNumber);
      } else {
        this.byCaseNo.replace(i, this.caseNos[i]!, caseNo);
        this.byName.replace(i, this.names[i]!, name);
        this.byIdNumber.replace(i, this.idNumbers[i]!, idNumber);
      }
      if (at === undefined || this.receivedAt[i] !== receivedAt) {
        moved.add(i);
        this.time[i] = Date.parse(receivedAt) || 0;
      }
      this.ids[i] = caseId;
      this.caseNos[i] = caseNo;
      this.names[i] = name;
      this.idNumbers[i] = idNumber;
      this.states[i] = this.stateCodes.code(state);
      this.items[i] = this.itemCodes.code(itemCode);
      this.halls[0][i] = this.hallCodes.code(intake);
      this.halls[1][i] = this.hallCodes.code(home);
      this.halls[2][i] = this.hallCodes.code(delivery);
      this.receivedAt[i] = receivedAt;
      this.slot.set(caseId, i);
    }
    return heads;
  }

  /** So many slots have moved that the order should be mended now (reorderSteps), not when the list asks. */
  get reorderDue(): boolean {
    return this.moved.size >= REORDER_AT;
  }

  /**
   * Mends the order one step per `next()` (the moved slots' sort, then REORDER_STEP places of the
   * order at a time), so a reader can give the page a turn between steps: at 200,000 cases the whole
   * mending was some 10–30 ms, in one task with the record that made it due. Until it ends the order
   * is the old one; anything that reads the order or changes the index finishes it first, at once.
   */
  reorderSteps(): Generator<void, void, void> {
    this.finishReorder();
    const steps = this.mergeMoved();
    this.reordering = steps;
    return steps;
  }

  /** The mending under way, if any: finished at once (its remaining steps run now). */
  private finishReorder(): void {
    const steps = this.reordering;
    this.reordering = null;
    if (steps) drain(steps);
  }

  /**
   * Takes the moved slots out of the order and merges those still live back in at their places:
   * a sort of the moved ones and one pass over the order, which makes the ids in the same pass.
   * Yields between steps (see reorderSteps); the index does not change meanwhile.
   */
  private *mergeMoved(): Generator<void, void, void> {
    const taken = this.moved;
    const moved = new Uint8Array(this.ids.length);
    for (const s of taken) moved[s] = 1;
    const placed = [...taken].filter((s) => this.ids[s] !== undefined).sort(this.newer);
    this.moved = new Set();
    let merged = false;
    try {
      yield* this.merge(moved, placed);
      merged = true;
    } finally {
      // Left before its end (its reader stopped iterating): the slots it took wait for the next mending.
      if (!merged) for (const s of taken) this.moved.add(s);
      this.reordering = null;
    }
  }

  /** The merge of mergeMoved: the order without the moved slots, and the live moved ones at their places. */
  private *merge(moved: Uint8Array, placed: readonly number[]): Generator<void, void, void> {
    yield;
    const { order, ids } = this;
    const n = order.length;
    // Every live slot once: the order's that did not move and the moved ones still live.
    const size = this.slot.size;
    const slots = new Array<number>(size);
    const out = new Array<string>(size);
    let k = 0;
    const put = (slot: number) => {
      slots[k] = slot;
      out[k++] = ids[slot]!;
    };
    let i = 0;
    let j = 0;
    let step = REORDER_STEP;
    for (;;) {
      while (i < n && moved[order[i]!]) i++;
      if (i === n) break;
      const s = order[i]!;
      while (j < placed.length && this.newer(placed[j]!, s) < 0) put(placed[j++]!);
      put(s);
      i++;
      if (i >= step) {
        step += REORDER_STEP;
        yield;
      }
    }
    while (j < placed.length) put(placed[j++]!);
    // k is the live slots' count; cut to it all the same, so a hole could never reach the list.
    slots.length = k;
    out.length = k;
    this.order = slots;
    this.orderIds = out;
  }

  /** Every case id, newest received first. The same array until the order changes. */
  newestFirst(): readonly string[] {
    this.finishReorder();
    if (this.moved.size) drain(this.mergeMoved());
    return this.orderIds;
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

  /** The cases the state, item and hall filters keep; null when none is set. */
  filter(f: ColumnFilters): Set<string> | null {
    const tests: ((slot: number) => boolean)[] = [];
    if (f.states.length) {
      const codes = new Set(f.states.map((s) => this.stateCodes.find(s)));
      tests.push((slot) => codes.has(this.states[slot]!));
    }
    if (f.itemCode !== null) {
      const code = this.itemCodes.find(f.itemCode);
      tests.push((slot) => this.items[slot] === code);
    }
    if (f.hall) {
      const column = this.halls[HALL_COLUMN[f.hall.role]];
      const code = this.hallCodes.find(f.hall.hallId);
      tests.push((slot) => column[slot] === code);
    }
    if (tests.length === 0) return null;
    const out = new Set<string>();
    for (const [id, slot] of this.slot) if (tests.every((test) => test(slot))) out.add(id);
    return out;
  }

  /** Every case's entry, in chunks of `size`: what the list log compacts to. */
  chunks(size: number): CaseKeyEntry[][] {
    return [...this.eachChunk(size)];
  }

  /** The same chunks one at a time, so a caller can give the page a turn between them (the index must not change meanwhile). */
  *eachChunk(size: number): Generator<CaseKeyEntry[]> {
    let chunk: CaseKeyEntry[] = [];
    const [intake, home, delivery] = this.halls;
    const hall = this.hallCodes.values;
    for (let i = 0; i < this.ids.length; i++) {
      const id = this.ids[i];
      if (id === undefined) continue;
      const fields = [
        id,
        this.caseNos[i]!,
        this.names[i]!,
        this.idNumbers[i]!,
        this.stateCodes.values[this.states[i]!]!,
        this.itemCodes.values[this.items[i]!]!,
        hall[intake[i]!]!,
        hall[home[i]!]!,
        hall[delivery[i]!]!,
        this.receivedAt[i]!,
      ] as const;
      const head = this.heads.get(i);
      chunk.push(head ? [...fields, head] : [...fields]);
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
  }
}
