// The case list's ids as the page holds them: one buffer of characters and one of ends, made by the
// list's worker (case-list-worker.ts) and handed over without a copy. 200,000 ids as strings were
// 200,000 objects on the page's heap, made again at every change of the list while a new counter
// downloads, and the page's collections walked them (tasks of 60–120 ms). A buffer is one object;
// the page makes strings only for the rows it draws.

/** What the list reads of its ids: how many, and one by place. */
export interface CaseIds {
  readonly length: number;
  at(i: number): string | undefined;
  /** The ids of places [start, end), as strings. */
  slice(start: number, end: number): string[];
}

/** The buffers of a PackedIds, as posted between the worker and the page (both transferable). */
export interface PackedIdBuffers {
  /** Every id's characters one after another: one byte each when every character fits, else two. */
  chars: Uint8Array | Uint16Array;
  /** Where each id ends in `chars`. */
  ends: Uint32Array;
}

export class PackedIds implements CaseIds {
  constructor(private readonly buffers: PackedIdBuffers) {}

  get length(): number {
    return this.buffers.ends.length;
  }

  at(i: number): string | undefined {
    const { chars, ends } = this.buffers;
    if (!Number.isInteger(i) || i < 0 || i >= ends.length) return undefined;
    const from = i === 0 ? 0 : ends[i - 1]!;
    return String.fromCharCode(...chars.subarray(from, ends[i]!));
  }

  slice(start: number, end: number): string[] {
    const out: string[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.at(i)!);
    return out;
  }
}

/** The ids kept by `keep` (all when null), in their order, packed. */
export function packIds(ids: readonly string[], keep: ReadonlySet<string> | null = null): PackedIdBuffers {
  let count = 0;
  let length = 0;
  let wide = false;
  for (const id of ids) {
    if (keep !== null && !keep.has(id)) continue;
    count += 1;
    length += id.length;
    if (!wide) for (let c = 0; c < id.length; c++) if (id.charCodeAt(c) > 0xff) wide = true;
  }
  const chars = wide ? new Uint16Array(length) : new Uint8Array(length);
  const ends = new Uint32Array(count);
  let at = 0;
  let n = 0;
  for (const id of ids) {
    if (keep !== null && !keep.has(id)) continue;
    for (let c = 0; c < id.length; c++) chars[at++] = id.charCodeAt(c);
    ends[n++] = at;
  }
  return { chars, ends };
}

/** The buffers to transfer with a post of `p`. */
export const transferables = (p: PackedIdBuffers): ArrayBuffer[] => [p.chars.buffer as ArrayBuffer, p.ends.buffer as ArrayBuffer];

/** No ids. */
export const NO_IDS: CaseIds = new PackedIds({ chars: new Uint8Array(0), ends: new Uint32Array(0) });
