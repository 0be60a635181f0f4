// zod speaks Chinese: a refusal's message reaches a clerk, and zod's own wording is part of it.
import { z } from 'zod';
import { zhCN } from 'zod/locales';

z.config(zhCN());

/**
 * PostgreSQL text cannot hold NUL, and no field of ours needs it: refused everywhere at the edge.
 * A value too deeply nested to serialize counts as bad too (true), never as an exception.
 */
export const hasNul = (value: unknown): boolean => {
  try {
    return JSON.stringify(value ?? null).includes('\\u0000');
  } catch {
    return true;
  }
};

/** Makes text safe to store and show: NUL characters dropped. */
export const withoutNul = (text: string): string => text.split('\u0000').join('');
