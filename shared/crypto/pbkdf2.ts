// The offline login verifier (PBKDF2-SHA256): lets staff log in at a device without the hub.
import { fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';

export interface OfflineVerifier {
  alg: 'PBKDF2-SHA256';
  salt: string;
  iterations: number;
  hash: string;
}

export async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const base = await crypto.subtle.importKey('raw', utf8(password.normalize('NFC')), { name: 'PBKDF2' }, false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, 256);
  return new Uint8Array(bits);
}

export async function makeOfflineVerifier(password: string, iterations = 210_000): Promise<OfflineVerifier> {
  const salt = randomBytes(16);
  return { alg: 'PBKDF2-SHA256', salt: toBase64Url(salt), iterations, hash: toBase64Url(await pbkdf2(password, salt, iterations)) };
}

/** Constant-time comparison of the derived hash with the stored one. */
export async function checkOfflineVerifier(verifier: OfflineVerifier, password: string): Promise<boolean> {
  const salt = fromBase64Url(verifier.salt);
  const expected = fromBase64Url(verifier.hash);
  if (!salt || !expected || verifier.iterations < 1) return false;
  const actual = await pbkdf2(password, salt, verifier.iterations);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= (actual[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
