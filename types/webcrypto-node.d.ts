// WebCrypto's key types as globals for the Node type-check, as the DOM lib and shared/'s env have them.
import type { webcrypto } from 'node:crypto';

declare global {
  type CryptoKey = webcrypto.CryptoKey;
  type CryptoKeyPair = webcrypto.CryptoKeyPair;
}
export {};
