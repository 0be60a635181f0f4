// ISO/IEC 7064 check character systems: MOD 11-2 (GB 11643 resident numbers) and MOD 37,36 (case numbers).

// These are arithmetic primitives, not clerk-facing validators: the compute functions throw on a
// character outside the system's alphabet (a caller checks the format first, so that is a bug),
// and the validity predicates answer a plain boolean. The validators built on them turn a failure
// into a Result with a message a clerk can act on.

const DIGITS = '0123456789';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function valueIn(alphabet: string, ch: string, system: string): number {
  const v = alphabet.indexOf(ch);
  if (v < 0 || ch.length !== 1) {
    throw new RangeError(`${system}: character ${JSON.stringify(ch)} is outside the alphabet`);
  }
  return v;
}

/**
 * ISO 7064 MOD 11-2 (pure system, modulus 11, radix 2) check character for a string of digits:
 * '0'-'9' or 'X' (for 10). GB 11643 uses it over the first 17 digits of a resident number.
 */
export function mod11_2CheckCharacter(digits: string): string {
  // Recursive form of the standard: equivalent to the weights 2^(n-i) mod 11, without big powers.
  let p = 0;
  for (const ch of digits) p = ((p + valueIn(DIGITS, ch, 'MOD 11-2')) * 2) % 11;
  const c = (12 - p) % 11;
  return c === 10 ? 'X' : String(c);
}

/** True when the last character of `s` is the MOD 11-2 check character of the digits before it. */
export function mod11_2IsValid(s: string): boolean {
  if (s.length < 2) return false;
  const body = s.slice(0, -1);
  if (![...body].every((ch) => DIGITS.includes(ch))) return false;
  return mod11_2CheckCharacter(body) === s.slice(-1);
}

/**
 * ISO 7064 MOD 37,36 (hybrid system, M = 36) check character for a string over 0-9 A-Z
 * (values 0-35); the check character is itself one of 0-9 A-Z. Upper case only: callers normalize.
 */
export function mod37_36CheckCharacter(s: string): string {
  const M = 36;
  let p = M;
  for (const ch of s) {
    const sum = (p + valueIn(ALPHANUMERIC, ch, 'MOD 37,36')) % M;
    p = ((sum === 0 ? M : sum) * 2) % (M + 1);
  }
  // The check value c makes the final (p + c) mod 36 equal 1, which is how the standard verifies.
  return ALPHANUMERIC.charAt((M + 1 - p) % M);
}

/** True when the last character of `s` is the MOD 37,36 check character of what precedes it. */
export function mod37_36IsValid(s: string): boolean {
  if (s.length < 2) return false;
  if (![...s].every((ch) => ALPHANUMERIC.includes(ch))) return false;
  return mod37_36CheckCharacter(s.slice(0, -1)) === s.slice(-1);
}
