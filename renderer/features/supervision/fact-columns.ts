// The saved form of the case facts: columns, not 200,000 objects. IndexedDB reads an object of
// objects by rebuilding each one, property by property (over a second for 200,000 facts); columns
// of numbers and of strings come back an order of magnitude faster, and the facts are rebuilt from
// them in one loop. Repeated values (states, halls, items, levels) are stored once, by number;
// each text column is one string.
import type { CaseState } from '../../../shared/case/states';
import type { RatingLevel, RatingStage } from '../../../shared/protocol/events';
import type { CaseFact, RatingFact, RectificationFact } from '../../../shared/supervision/case-fact';
import type { PauseDays } from '../../../shared/supervision/fast-deadline';
import type { RectificationStatus } from '../../../shared/supervision/feedback';

const NONE = -2_147_483_648;
/** Joins a text column: no event field may hold NUL (the hub and every counter refuse it). */
const SEP = '\u0000';

export interface FactColumns {
  n: number;
  /** Distinct strings the numeric columns point into. */
  dict: string[];
  /** Text columns as one string each, the values joined by NUL: one string is read back at once. */
  caseId: string;
  caseNo: string;
  applicantName: string;
  receivedAt: string;
  state: Uint16Array;
  itemCode: Uint16Array;
  itemName: Uint16Array;
  intake: Uint16Array;
  home: Uint16Array;
  delivery: Uint16Array;
  receivedDay: Int32Array;
  promisedDays: Int32Array;
  deliveredDay: Int32Array;
  openFlags: Uint16Array;
  /** Sparse rows: the fact's position, then its fields. */
  pauses: { at: Int32Array; first: Int32Array; end: Int32Array };
  ratings: { at: Int32Array; hall: Uint16Array; level: Uint16Array; stage: Uint16Array; day: Int32Array };
  rectifications: { at: Int32Array; id: string; hall: Uint16Array; status: Uint16Array; opened: Int32Array; due: Int32Array };
}

export function encodeFacts(facts: readonly CaseFact[]): FactColumns {
  const dict: string[] = [];
  const ids = new Map<string, number>();
  const code = (s: string) => {
    let i = ids.get(s);
    if (i === undefined) {
      i = dict.length;
      dict.push(s);
      ids.set(s, i);
    }
    return i;
  };
  const n = facts.length;
  const text = { caseId: new Array<string>(n), caseNo: new Array<string>(n), applicantName: new Array<string>(n), receivedAt: new Array<string>(n) };
  const rectIds: string[] = [];
  const c: FactColumns = {
    n,
    dict,
    caseId: '',
    caseNo: '',
    applicantName: '',
    receivedAt: '',
    state: new Uint16Array(n),
    itemCode: new Uint16Array(n),
    itemName: new Uint16Array(n),
    intake: new Uint16Array(n),
    home: new Uint16Array(n),
    delivery: new Uint16Array(n),
    receivedDay: new Int32Array(n),
    promisedDays: new Int32Array(n),
    deliveredDay: new Int32Array(n),
    openFlags: new Uint16Array(n),
    pauses: { at: new Int32Array(0), first: new Int32Array(0), end: new Int32Array(0) },
    ratings: { at: new Int32Array(0), hall: new Uint16Array(0), level: new Uint16Array(0), stage: new Uint16Array(0), day: new Int32Array(0) },
    rectifications: { at: new Int32Array(0), id: '', hall: new Uint16Array(0), status: new Uint16Array(0), opened: new Int32Array(0), due: new Int32Array(0) },
  };
  const pauses: number[][] = [[], [], []];
  const ratings: number[][] = [[], [], [], [], []];
  const rects: number[][] = [[], [], [], [], []];
  facts.forEach((f, i) => {
    text.caseId[i] = f.caseId;
    text.caseNo[i] = f.caseNo;
    text.applicantName[i] = f.applicantName;
    text.receivedAt[i] = f.receivedAt;
    c.state[i] = code(f.state);
    c.itemCode[i] = code(f.itemCode);
    c.itemName[i] = code(f.itemName);
    c.intake[i] = code(f.intakeHallId);
    c.home[i] = code(f.homeHallId);
    c.delivery[i] = code(f.deliveryHallId);
    c.receivedDay[i] = f.receivedDay;
    c.promisedDays[i] = f.promisedDays ?? NONE;
    c.deliveredDay[i] = f.deliveredDay ?? NONE;
    c.openFlags[i] = f.openFlags;
    for (const [first, end] of f.pauses ?? []) [i, first, end ?? NONE].forEach((v, k) => pauses[k]!.push(v));
    for (const r of f.ratings ?? []) [i, code(r.hallId), code(r.level), code(r.stage), r.day].forEach((v, k) => ratings[k]!.push(v));
    for (const r of f.rectifications ?? []) {
      [i, code(r.hallId), code(r.status), r.openedDay, r.dueDay].forEach((v, k) => rects[k]!.push(v));
      rectIds.push(r.id);
    }
  });
  c.caseId = text.caseId.join(SEP);
  c.caseNo = text.caseNo.join(SEP);
  c.applicantName = text.applicantName.join(SEP);
  c.receivedAt = text.receivedAt.join(SEP);
  c.pauses = { at: Int32Array.from(pauses[0]!), first: Int32Array.from(pauses[1]!), end: Int32Array.from(pauses[2]!) };
  c.ratings = { at: Int32Array.from(ratings[0]!), hall: Uint16Array.from(ratings[1]!), level: Uint16Array.from(ratings[2]!), stage: Uint16Array.from(ratings[3]!), day: Int32Array.from(ratings[4]!) };
  c.rectifications = {
    at: Int32Array.from(rects[0]!),
    id: rectIds.join(SEP),
    hall: Uint16Array.from(rects[1]!),
    status: Uint16Array.from(rects[2]!),
    opened: Int32Array.from(rects[3]!),
    due: Int32Array.from(rects[4]!),
  };
  return c;
}

const split = (s: string, n: number): string[] => (n === 0 ? [] : s.split(SEP));

export function decodeFacts(c: FactColumns): CaseFact[] {
  const d = c.dict;
  const [caseId, caseNo, applicantName, receivedAt] = [c.caseId, c.caseNo, c.applicantName, c.receivedAt].map((s) => split(s, c.n)) as [string[], string[], string[], string[]];
  if (caseId.length !== c.n || caseNo.length !== c.n || applicantName.length !== c.n || receivedAt.length !== c.n) throw new Error('saved facts are damaged');
  const facts = new Array<CaseFact>(c.n);
  for (let i = 0; i < c.n; i++) {
    facts[i] = {
      caseId: caseId[i]!,
      caseNo: caseNo[i]!,
      applicantName: applicantName[i]!,
      state: d[c.state[i]!] as CaseState,
      itemCode: d[c.itemCode[i]!]!,
      itemName: d[c.itemName[i]!]!,
      intakeHallId: d[c.intake[i]!]!,
      homeHallId: d[c.home[i]!]!,
      deliveryHallId: d[c.delivery[i]!]!,
      receivedAt: receivedAt[i]!,
      receivedDay: c.receivedDay[i]!,
      promisedDays: c.promisedDays[i] === NONE ? null : c.promisedDays[i]!,
      deliveredDay: c.deliveredDay[i] === NONE ? null : c.deliveredDay[i]!,
      openFlags: c.openFlags[i]!,
    };
  }
  const p = c.pauses;
  for (let k = 0; k < p.at.length; k++) {
    const f = facts[p.at[k]!]!;
    const pause: PauseDays = [p.first[k]!, p.end[k] === NONE ? null : p.end[k]!];
    (f.pauses ??= []).push(pause);
  }
  const r = c.ratings;
  for (let k = 0; k < r.at.length; k++) {
    const rating: RatingFact = { hallId: d[r.hall[k]!]!, level: d[r.level[k]!] as RatingLevel, stage: d[r.stage[k]!] as RatingStage, day: r.day[k]! };
    (facts[r.at[k]!]!.ratings ??= []).push(rating);
  }
  const x = c.rectifications;
  const ids = split(x.id, x.at.length);
  for (let k = 0; k < x.at.length; k++) {
    const rect: RectificationFact = { id: ids[k]!, hallId: d[x.hall[k]!]!, status: d[x.status[k]!] as RectificationStatus, openedDay: x.opened[k]!, dueDay: x.due[k]! };
    (facts[x.at[k]!]!.rectifications ??= []).push(rect);
  }
  return facts;
}
