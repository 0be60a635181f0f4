// zod speaks Chinese: a refusal's message reaches a clerk, and zod's own wording is part of it.
import { z } from 'zod';
import { zhCN } from 'zod/locales';

z.config(zhCN());

/**
 * PostgreSQL text cannot hold NUL, and no field of ours needs it: refused everywhere at the edge.
 * A value too deeply nested to serialize counts as bad too (true), never as an exception.
 */
export function hasNul(value: unknown, depth = 0): boolean {
  // A walk rather than JSON.stringify: no copy of the event, and a depth limit instead of a stack overflow.
  if (depth > 64) return true;
  if (typeof value === 'string') return value.includes('\u0000');
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const v of value) if (hasNul(v, depth + 1)) return true;
    return false;
  }
  for (const k in value) {
    if (k.includes('\u0000') || hasNul((value as Record<string, unknown>)[k], depth + 1)) return true;
  }
  return false;
}

/** Makes text safe to store and show: NUL characters dropped. */
export const withoutNul = (text: string): string => text.split('\u0000').join('');
