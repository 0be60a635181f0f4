// Ed25519 with WebCrypto (Node 20 and Chromium alike): device signatures and certificates.
import { fromBase64Url, toBase64Url, utf8 } from './bytes';

export type Ed25519Key = CryptoKey;
const ALG = { name: 'Ed25519' } as const;

/**
 * A new key pair. Devices pass extractable=false so the private key never leaves the machine;
 * the public key of a WebCrypto pair is always exportable.
 */
export async function generateSigningKeyPair(extractable = false): Promise<CryptoKeyPair> {
  // Ed25519 always yields a pair; the DOM typings' overloads cannot tell from the algorithm object.
  return (await crypto.subtle.generateKey(ALG, extractable, ['sign', 'verify'])) as CryptoKeyPair;
}

/** The 32 raw bytes of a public key, base64url: the form the wire contract uses. */
export async function exportPublicKey(key: Ed25519Key): Promise<string> {
  return toBase64Url(await crypto.subtle.exportKey('raw', key));
}

/** Imports a base64url public key; null when it is not 32 bytes or not a valid Ed25519 point. */
export async function importPublicKey(publicKey: string): Promise<Ed25519Key | null> {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 32) return null;
  try {
    return await crypto.subtle.importKey('raw', raw, ALG, true, ['verify']);
  } catch {
    return null;
  }
}

export async function exportPrivateKeyPkcs8(key: Ed25519Key): Promise<string> {
  return toBase64Url(await crypto.subtle.exportKey('pkcs8', key));
}

export async function importPrivateKeyPkcs8(pkcs8: string, extractable = false): Promise<Ed25519Key | null> {
  const raw = fromBase64Url(pkcs8);
  if (!raw) return null;
  try {
    return await crypto.subtle.importKey('pkcs8', raw, ALG, extractable, ['sign']);
  } catch {
    return null;
  }
}

export async function sign(privateKey: Ed25519Key, message: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const data = typeof message === 'string' ? utf8(message) : message;
  return toBase64Url(await crypto.subtle.sign(ALG, privateKey, data));
}

/** False for a bad signature, a malformed one, or a malformed key: never throws on bad input. */
export async function verify(
  publicKey: Ed25519Key | string,
  message: string | Uint8Array<ArrayBuffer>,
  signature: string,
): Promise<boolean> {
  const key = typeof publicKey === 'string' ? await importPublicKey(publicKey) : publicKey;
  const sig = fromBase64Url(signature);
  if (!key || !sig || sig.length !== 64) return false;
  const data = typeof message === 'string' ? utf8(message) : message;
  try {
    return await crypto.subtle.verify(ALG, key, sig, data);
  } catch {
    return false;
  }
}
