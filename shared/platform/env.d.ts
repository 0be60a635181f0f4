// The only runtime globals shared/ may use: those that exist alike in Node 20 and in Chromium.
// shared/ is type-checked against this file alone (tsconfig.shared.json), so a DOM or Node API
// used in shared/ fails to compile.

type BufferSourceLike = ArrayBuffer | ArrayBufferView;

interface CryptoKey {
  readonly type: 'public' | 'private' | 'secret';
  readonly extractable: boolean;
  readonly algorithm: { name: string };
  readonly usages: string[];
}

interface CryptoKeyPair {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
}

interface SubtleCryptoLike {
  digest(algorithm: string, data: BufferSourceLike): Promise<ArrayBuffer>;
  generateKey(
    algorithm: { name: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKeyPair>;
  importKey(
    format: 'raw' | 'pkcs8' | 'spki',
    keyData: BufferSourceLike,
    algorithm: { name: string } | { name: string; hash: string },
    extractable: boolean,
    usages: string[],
  ): Promise<CryptoKey>;
  exportKey(format: 'raw' | 'pkcs8' | 'spki', key: CryptoKey): Promise<ArrayBuffer>;
  sign(algorithm: { name: string }, key: CryptoKey, data: BufferSourceLike): Promise<ArrayBuffer>;
  verify(
    algorithm: { name: string },
    key: CryptoKey,
    signature: BufferSourceLike,
    data: BufferSourceLike,
  ): Promise<boolean>;
  deriveBits(
    algorithm: { name: string; salt: BufferSourceLike; iterations: number; hash: string },
    baseKey: CryptoKey,
    length: number,
  ): Promise<ArrayBuffer>;
}

// eslint-disable-next-line no-var -- a global that exists at run time, declared as the DOM lib does
declare var crypto: {
  readonly subtle: SubtleCryptoLike;
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
};

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: BufferSourceLike): string;
}

declare function btoa(data: string): string;
declare function atob(data: string): string;
