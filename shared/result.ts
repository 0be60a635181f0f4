// Errors are values at boundaries: a validator, a parser or a wire call answers with a Result.

export interface Problem {
  /** UPPER_SNAKE code a program can act on. */
  readonly code: string;
  /** A sentence a clerk can read (zh-CN). */
  readonly message: string;
}

export type Result<T, E extends Problem = Problem> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = (code: string, message: string): { ok: false; error: Problem } => ({
  ok: false,
  error: { code, message },
});
