// The update manifest: what a release is (version, files with their SHA-512), signed with Ed25519 by
// the release key. The same format covers an update on the network, on a USB stick, and the
// attestation of an installed build (the app's own app.asar).
import valid from 'semver/functions/valid';
import { z } from 'zod';
import { canonicalJson } from '../crypto/canonical-json';
import { fromBase64Url, sha256Hex, toHex } from '../crypto/bytes';
import { exportPublicKey, sign } from '../crypto/ed25519';
import '../protocol/zod-locale';

export const MANIFEST_FORMAT = 'tongban-update/1';
/** The manifest's file name beside the files it lists (an update folder, a USB stick). */
export const MANIFEST_FILE = 'tongban-update.json';
/** The attestation of an installed build, in the app's resources folder. */
export const BUILD_ATTESTATION_FILE = 'tongban-build.json';
export const MAX_FILES = 64;

/**
 * A plain relative path: no absolute path, drive letter, backslash, `..` or `.` segment, no control
 * character. A manifest names files beside it, never anywhere else on the machine.
 */
export function isSafeRelativePath(path: string): boolean {
  if (path.length === 0 || path.length > 255) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\:*?"<>|]/.test(path) || path.startsWith('/')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export const UpdateFile = z.strictObject({
  path: z.string().refine(isSafeRelativePath, '文件路径须为更新包内的相对路径（不含 ..、盘符或反斜杠）'),
  size: z.number().int().min(0),
  sha512: z.string().regex(/^[0-9a-f]{128}$/, 'sha512 须为 128 位小写十六进制'),
});
export type UpdateFile = z.infer<typeof UpdateFile>;

export const UpdateManifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  product: z.literal('tongban'),
  version: z.string().refine((v) => valid(v) === v, '版本号须为规范的语义化版本，如 1.2.3'),
  createdAt: z.iso.datetime(),
  files: z
    .array(UpdateFile)
    .min(1, '清单至少列出一个文件')
    .max(MAX_FILES)
    .refine((files) => new Set(files.map((f) => f.path)).size === files.length, '清单中有重复的文件路径'),
});
export type UpdateManifest = z.infer<typeof UpdateManifest>;

export const SignedManifest = z.strictObject({
  manifest: UpdateManifest,
  /** Which release key signed it (see releaseKeyId): only to explain a refusal, never trusted. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/),
});
export type SignedManifest = z.infer<typeof SignedManifest>;

/** The text that is signed: the manifest as canonical JSON (keys sorted at every depth, no spaces). */
export const manifestSigningText = (manifest: UpdateManifest): string => canonicalJson(manifest);

/** A short public name of a release key: the first 16 hex digits of the sha256 of its 32 raw bytes. */
export async function releaseKeyId(publicKey: string): Promise<string | null> {
  const raw = fromBase64Url(publicKey);
  if (!raw || raw.length !== 32) return null;
  return (await sha256Hex(raw)).slice(0, 16);
}

/** Size and SHA-512 of bytes in memory (WebCrypto); a Node caller may stream a file instead. */
export async function digestBytes(bytes: Uint8Array<ArrayBuffer>): Promise<{ size: number; sha512: string }> {
  return { size: bytes.length, sha512: toHex(await crypto.subtle.digest('SHA-512', bytes)) };
}

export async function signManifest(manifest: UpdateManifest, keys: { privateKey: CryptoKey; publicKey: CryptoKey }): Promise<SignedManifest> {
  const checked = UpdateManifest.parse(manifest);
  const keyId = await releaseKeyId(await exportPublicKey(keys.publicKey));
  if (!keyId) throw new Error('release public key is not an Ed25519 key');
  return { manifest: checked, keyId, signature: await sign(keys.privateKey, manifestSigningText(checked)) };
}
