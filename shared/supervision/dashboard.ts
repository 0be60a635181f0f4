// The supervision dashboard's figures from case facts, and the cases behind each figure. Both come
// from one classification of each fact, so a figure and its list can never disagree.
//
// What is counted (the page says the same):
// - cases: those accepted (Beijing day) within the period that involve a chosen hall as intake,
//   home or delivery hall; states grouped as STATE_BUCKETS; at risk / overdue as on the case list
//   (the rule of shared/calendar's riskLevel, counted by fast-deadline.ts, for the cases whose
//   promise still runs);
// - durations: working days from acceptance to handover of the delivered ones, the day of
//   acceptance not counted and the days waiting for the applicant's correction left out, as the
//   promise is counted; per item and per intake hall, mean and 90th percentile (nearest rank);
// - flows: those cases by intake hall → home hall;
// - ratings: those given within the period to a chosen hall; 满意率 = (非常满意 + 满意 + 基本满意) / all;
// - rectifications: those opened within the period for a chosen hall, by their status today; overdue
//   = still waiting for the hall after its deadline.
import type { RiskLevel } from '../calendar/working-days';
import type { CaseState } from '../case/states';
import { SEED_HALLS, hallName } from '../halls';
import { BAD_RATINGS, RATING_LEVELS, type RatingLevel } from '../protocol/events';
import type { CaseFact, RatingFact, RectificationFact } from './case-fact';
import { beijingDayOf, dayOf, isoOfDay, type WorkingDayIndex } from './day-index';
import { countedBetween, fastDeadline, fastRisk } from './fast-deadline';
import { AWAITING_HALL } from './feedback';
import { ALL, STATE_BUCKETS, type Figure, type StateBucket } from './figures';
import { mean, percentile } from './stats';

export interface DashboardQuery {
  /** First and last Beijing day of the period, 'YYYY-MM-DD'; null: unbounded. */
  from: string | null;
  to: string | null;
  /** The halls looked at; empty: every hall. */
  halls: readonly string[];
}

export interface FigureContext {
  /** Today, 'YYYY-MM-DD' in Beijing. */
  today: string;
  /** The official calendar as running counts, spanning the cases' dates (see indexSpan). */
  index: WorkingDayIndex;
  /** The catalog's promised days per item, for cases accepted without them. */
  promisedDays: ReadonlyMap<string, number>;
  /** The catalog's item names, for cases accepted without one. */
  itemNames?: ReadonlyMap<string, string>;
}

/** The item's name as the case recorded it, else as the catalog has it, else its code. */
const itemLabel = (f: CaseFact, ctx: FigureContext) => (f.itemName !== f.itemCode ? f.itemName : (ctx.itemNames?.get(f.itemCode) ?? f.itemCode));

export interface DurationRow {
  key: string;
  label: string;
  count: number;
  mean: number | null;
  p90: number | null;
}

export interface FlowRow {
  intakeHallId: string;
  homeHallId: string;
  count: number;
}

export interface SatisfactionRow {
  hallId: string;
  total: number;
  levels: Record<RatingLevel, number>;
  /** 非常满意 + 满意 + 基本满意. */
  satisfied: number;
  /** satisfied / total, to four decimals; null without ratings. */
  rate: number | null;
}

export interface RectificationRow {
  hallId: string;
  total: number;
  /** Not closed: waiting for the hall or for a supervisor. */
  open: number;
  /** Reported by the hall, waiting for a supervisor. */
  reported: number;
  /** Waiting for the hall after its deadline. */
  overdue: number;
  closed: number;
}

export interface Dashboard {
  total: number;
  states: Record<StateBucket, number>;
  risk: { at_risk: number; overdue: number };
  flagged: number;
  durations: { all: DurationRow; byItem: DurationRow[]; byHall: DurationRow[] };
  flows: FlowRow[];
  satisfaction: { all: SatisfactionRow; byHall: SatisfactionRow[] };
  rectifications: { all: RectificationRow; byHall: RectificationRow[] };
}

const OPEN_STATES: ReadonlySet<CaseState> = new Set(['received', 'in_review', 'needs_correction']);

const BUCKET_OF: Record<CaseState, StateBucket> = {
  received: 'received',
  in_review: 'in_review',
  needs_correction: 'needs_correction',
  approved: 'approved',
  certificate_issued: 'approved',
  printed: 'approved',
  delivered: 'delivered',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** The days a working-day index must span for these facts: their first day to a year after today. */
export function indexSpan(facts: Iterable<CaseFact>, today: string): { first: number; last: number } {
  let first = dayOf(today);
  for (const f of facts) if (f.receivedDay < first) first = f.receivedDay;
  return { first: first - 1, last: dayOf(today) + 400 };
}

interface Scope {
  from: number;
  to: number;
  halls: ReadonlySet<string> | null;
  today: number;
}

function scopeOf(q: DashboardQuery, ctx: FigureContext): Scope {
  return {
    from: q.from ? dayOf(q.from) : -Infinity,
    to: q.to ? dayOf(q.to) : Infinity,
    halls: q.halls.length ? new Set(q.halls) : null,
    today: dayOf(ctx.today),
  };
}

/**
 * One fact as the figures see it. The dashboard classifies 200,000 facts per look, so this is one
 * object reused for every fact (classify overwrites it), not one allocated per fact.
 */
interface Classified {
  inCohort: boolean;
  bucket: StateBucket;
  risk: RiskLevel | null;
  duration: number | null;
}

/** How an open case stands against its promise: the due day (null while paused) and the risk. */
function deadlineOf(f: CaseFact, s: Scope, ctx: FigureContext): { due: number | null; risk: RiskLevel } | null {
  if (!OPEN_STATES.has(f.state)) return null;
  const promised = f.promisedDays ?? ctx.promisedDays.get(f.itemCode);
  if (promised === undefined) return null;
  const d = fastDeadline(ctx.index, f.receivedDay, promised, f.pauses);
  return { due: d.due, risk: fastRisk(ctx.index, f.receivedDay, promised, f.pauses, d, s.today) };
}

/** Working days from acceptance to handover, the days waiting for the applicant left out. */
function durationOf(f: CaseFact, ctx: FigureContext): number | null {
  return f.deliveredDay === null ? null : countedBetween(ctx.index, f.receivedDay, f.deliveredDay, f.pauses);
}

function involves(f: CaseFact, halls: ReadonlySet<string> | null): boolean {
  return halls === null || halls.has(f.intakeHallId) || halls.has(f.homeHallId) || halls.has(f.deliveryHallId);
}

const inPeriod = (day: number, s: Scope) => day >= s.from && day <= s.to;
const hallChosen = (hallId: string, s: Scope) => s.halls === null || s.halls.has(hallId);
/** A rating counts when given within the period to a chosen hall. */
const ratingCounts = (r: RatingFact, s: Scope) => inPeriod(r.day, s) && hallChosen(r.hallId, s);
/** A rectification counts when opened within the period for a chosen hall. */
const rectificationCounts = (r: RectificationFact, s: Scope) => inPeriod(r.openedDay, s) && hallChosen(r.hallId, s);
const rectOverdue = (r: RectificationFact, s: Scope) => AWAITING_HALL.has(r.status) && s.today > r.dueDay;

function classify(out: Classified, f: CaseFact, s: Scope, ctx: FigureContext): Classified {
  out.inCohort = inPeriod(f.receivedDay, s) && involves(f, s.halls);
  out.bucket = BUCKET_OF[f.state];
  out.risk = out.inCohort && OPEN_STATES.has(f.state) ? (deadlineOf(f, s, ctx)?.risk ?? null) : null;
  out.duration = out.inCohort && f.deliveredDay !== null ? durationOf(f, ctx) : null;
  return out;
}

const newClassified = (): Classified => ({ inCohort: false, bucket: 'received', risk: null, duration: null });

function matches(f: CaseFact, c: Classified, fig: Figure, s: Scope): boolean {
  switch (fig.kind) {
    case 'total':
      return c.inCohort;
    case 'flagged':
      return c.inCohort && f.openFlags > 0;
    case 'state':
      return c.inCohort && c.bucket === fig.bucket;
    case 'risk':
      return c.inCohort && c.risk === fig.level;
    case 'duration':
      return c.duration !== null && (fig.key === ALL || (fig.by === 'item' ? f.itemCode : f.intakeHallId) === fig.key);
    case 'flow':
      return c.inCohort && f.intakeHallId === fig.intakeHallId && f.homeHallId === fig.homeHallId;
    case 'rating':
      return (f.ratings ?? []).some(
        (r) =>
          ratingCounts(r, s) &&
          (fig.hallId === ALL || r.hallId === fig.hallId) &&
          (fig.level === 'all' || (fig.level === 'bad' ? BAD_RATINGS.has(r.level) : r.level === fig.level)),
      );
    case 'rectification':
      return (f.rectifications ?? []).some((r) => {
        if (!rectificationCounts(r, s) || (fig.hallId !== ALL && r.hallId !== fig.hallId)) return false;
        if (fig.status === 'open') return r.status !== 'closed';
        if (fig.status === 'reported') return r.status === 'reported';
        if (fig.status === 'overdue') return rectOverdue(r, s);
        return true;
      });
  }
}

/** The cases behind a figure, newest acceptance first. */
export function casesBehind(facts: Iterable<CaseFact>, figure: Figure, q: DashboardQuery, ctx: FigureContext): CaseFact[] {
  const s = scopeOf(q, ctx);
  const out: CaseFact[] = [];
  const c = newClassified();
  for (const f of facts) if (matches(f, classify(c, f, s, ctx), figure, s)) out.push(f);
  return out.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
}

/** Halls in the seed order (北京, 天津, 石家庄, 雄安), then any others by code. */
function byHallOrder(a: string, b: string): number {
  const order = (h: string) => {
    const i = SEED_HALLS.findIndex((x) => x.hallId === h);
    return i === -1 ? SEED_HALLS.length : i;
  };
  return order(a) - order(b) || a.localeCompare(b);
}

function durationRow(key: string, label: string, values: number[]): DurationRow {
  values.sort((a, b) => a - b);
  return { key, label, count: values.length, mean: mean(values), p90: percentile(values, 90) };
}

const emptyLevels = (): Record<RatingLevel, number> => Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;

function satisfactionRow(hallId: string): SatisfactionRow {
  return { hallId, total: 0, levels: emptyLevels(), satisfied: 0, rate: null };
}

function rectificationRow(hallId: string): RectificationRow {
  return { hallId, total: 0, open: 0, reported: 0, overdue: 0, closed: 0 };
}

/** The row of a key, made the first time (by a function made once, not a closure per fact). */
function rowOf<V>(map: Map<string, V>, key: string, make: (key: string) => V): V {
  let row = map.get(key);
  if (row === undefined) map.set(key, (row = make(key)));
  return row;
}
const newList = (): number[] => [];
const newMap = <V>(): Map<string, V> => new Map();

export function computeDashboard(facts: Iterable<CaseFact>, q: DashboardQuery, ctx: FigureContext): Dashboard {
  const s = scopeOf(q, ctx);
  const states = Object.fromEntries(STATE_BUCKETS.map((b) => [b, 0])) as Record<StateBucket, number>;
  const risk = { at_risk: 0, overdue: 0 };
  let total = 0;
  let flagged = 0;
  const all: number[] = [];
  const byItem = new Map<string, { label: string; values: number[] }>();
  const byHall = new Map<string, number[]>();
  const flows = new Map<string, Map<string, FlowRow>>();
  const sat = new Map<string, SatisfactionRow>();
  const rect = new Map<string, RectificationRow>();
  const c = newClassified();

  for (const f of facts) {
    if (f.ratings) {
      for (const r of f.ratings) {
        if (!ratingCounts(r, s)) continue;
        const row = rowOf(sat, r.hallId, satisfactionRow);
        row.total += 1;
        row.levels[r.level] += 1;
      }
    }
    if (f.rectifications) {
      for (const r of f.rectifications) {
        if (!rectificationCounts(r, s)) continue;
        const row = rowOf(rect, r.hallId, rectificationRow);
        row.total += 1;
        if (r.status === 'closed') row.closed += 1;
        else row.open += 1;
        if (r.status === 'reported') row.reported += 1;
        if (rectOverdue(r, s)) row.overdue += 1;
      }
    }
    classify(c, f, s, ctx);
    if (!c.inCohort) continue;
    total += 1;
    states[c.bucket] += 1;
    if (c.risk === 'at_risk' || c.risk === 'overdue') risk[c.risk] += 1;
    if (f.openFlags > 0) flagged += 1;
    if (c.duration !== null) {
      all.push(c.duration);
      let item = byItem.get(f.itemCode);
      if (!item) byItem.set(f.itemCode, (item = { label: itemLabel(f, ctx), values: [] }));
      item.values.push(c.duration);
      rowOf(byHall, f.intakeHallId, newList).push(c.duration);
    }
    const from = rowOf(flows, f.intakeHallId, newMap<FlowRow>);
    let flow = from.get(f.homeHallId);
    if (!flow) from.set(f.homeHallId, (flow = { intakeHallId: f.intakeHallId, homeHallId: f.homeHallId, count: 0 }));
    flow.count += 1;
  }

  const satRows = [...sat.values()].sort((a, b) => byHallOrder(a.hallId, b.hallId));
  const satAll = satisfactionRow(ALL);
  for (const row of satRows) {
    row.satisfied = row.total - row.levels.dissatisfied - row.levels.very_dissatisfied;
    row.rate = row.total ? Math.round((row.satisfied / row.total) * 10_000) / 10_000 : null;
    satAll.total += row.total;
    satAll.satisfied += row.satisfied;
    for (const l of RATING_LEVELS) satAll.levels[l] += row.levels[l];
  }
  satAll.rate = satAll.total ? Math.round((satAll.satisfied / satAll.total) * 10_000) / 10_000 : null;

  const rectRows = [...rect.values()].sort((a, b) => byHallOrder(a.hallId, b.hallId));
  const rectAll = rectificationRow(ALL);
  for (const row of rectRows) {
    rectAll.total += row.total;
    rectAll.open += row.open;
    rectAll.reported += row.reported;
    rectAll.overdue += row.overdue;
    rectAll.closed += row.closed;
  }

  return {
    total,
    states,
    risk,
    flagged,
    durations: {
      all: durationRow(ALL, '全部', all),
      byItem: [...byItem.entries()].map(([code, v]) => durationRow(code, v.label, v.values)).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      byHall: [...byHall.entries()].map(([h, v]) => durationRow(h, hallName(h), v)).sort((a, b) => byHallOrder(a.key, b.key)),
    },
    flows: [...flows.values()].flatMap((m) => [...m.values()]).sort((a, b) => b.count - a.count || byHallOrder(a.intakeHallId, b.intakeHallId) || byHallOrder(a.homeHallId, b.homeHallId)),
    satisfaction: { all: satAll, byHall: satRows },
    rectifications: { all: rectAll, byHall: rectRows },
  };
}

/** One case of a list behind a figure: what the table shows and the export writes. */
export interface CaseLine {
  caseId: string;
  caseNo: string;
  applicantName: string;
  itemCode: string;
  itemName: string;
  state: CaseState;
  intakeHallId: string;
  homeHallId: string;
  deliveryHallId: string;
  receivedAt: string;
  /** While the promise runs: the promised day (null while the applicant corrects) and the risk. */
  dueDate: string | null;
  risk: RiskLevel | null;
  /** Delivered: working days from acceptance to handover. */
  duration: number | null;
  ratings: RatingFact[];
  rectifications: (RectificationFact & { dueDate: string; overdue: boolean })[];
  openFlags: number;
}

export function caseLine(f: CaseFact, ctx: FigureContext): CaseLine {
  const s = scopeOf({ from: null, to: null, halls: [] }, ctx);
  const deadline = deadlineOf(f, s, ctx);
  const dueDate = deadline?.due === undefined || deadline.due === null ? null : isoOfDay(deadline.due);
  return {
    caseId: f.caseId,
    caseNo: f.caseNo,
    applicantName: f.applicantName,
    itemCode: f.itemCode,
    itemName: itemLabel(f, ctx),
    state: f.state,
    intakeHallId: f.intakeHallId,
    homeHallId: f.homeHallId,
    deliveryHallId: f.deliveryHallId,
    receivedAt: f.receivedAt,
    dueDate,
    risk: deadline?.risk ?? null,
    duration: durationOf(f, ctx),
    ratings: f.ratings ?? [],
    rectifications: (f.rectifications ?? []).map((r) => ({ ...r, dueDate: isoOfDay(r.dueDay), overdue: rectOverdue(r, s) })),
    openFlags: f.openFlags,
  };
}

/** Today in Beijing, for FigureContext.today. */
export function beijingToday(now: Date): string {
  return isoOfDay(beijingDayOf(now.toISOString()));
}
