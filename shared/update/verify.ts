// Accepting an update: the manifest must verify against the release key built into the app, be newer
// than what runs (no downgrade, no replay), and every file it lists must be there with its SHA-512.
// Each refusal says why, in words a technician can act on.
import gt from 'semver/functions/gt';
import { verify } from '../crypto/ed25519';
import { fail, ok, type Result } from '../result';
import { manifestSigningText, releaseKeyId, SignedManifest, type UpdateManifest } from './manifest';

export type UpdateRefusalCode =
  | 'MANIFEST_MISSING'
  | 'MANIFEST_INVALID'
  | 'NO_RELEASE_KEY'
  | 'WRONG_KEY'
  | 'BAD_SIGNATURE'
  | 'NOT_NEWER'
  | 'FILE_MISSING'
  | 'FILE_MISMATCH';

/** Reads the files a manifest lists: size and SHA-512 of one, or null when it is not there. */
export interface UpdateFileSource {
  digest(path: string): Promise<{ size: number; sha512: string } | null>;
}

export interface VerifyOptions {
  /** The release public key built into the app (base64url of 32 raw bytes); empty when none was. */
  publicKey: string;
  /** The running version: the update must be newer. null skips the check (an installed build's own attestation, the CLI without --current). */
  currentVersion: string | null;
  files: UpdateFileSource;
}

const refuse = (code: UpdateRefusalCode, message: string) => fail(code, message);

/** Checks the signature and the version only: what can be known before reading any file. */
export async function verifyManifestSignature(raw: unknown, opts: Omit<VerifyOptions, 'files'>): Promise<Result<UpdateManifest>> {
  if (raw === undefined || raw === null) return refuse('MANIFEST_MISSING', '未找到更新清单（tongban-update.json），这不是通办的更新包');
  const parsed = SignedManifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('MANIFEST_INVALID', `更新清单格式错误：${issue ? `${issue.path.map(String).join('.') || '清单'}：${issue.message}` : '无法读取'}`);
  }
  const signed = parsed.data;
  const expected = opts.publicKey ? await releaseKeyId(opts.publicKey) : null;
  if (!expected) return refuse('NO_RELEASE_KEY', '本程序未内置有效的发布公钥，不能接受任何更新包');
  if (signed.keyId !== expected) {
    return refuse('WRONG_KEY', `更新包由另一把密钥签署（密钥 ${signed.keyId}），本机只接受发布密钥 ${expected} 签署的更新`);
  }
  if (!(await verify(opts.publicKey, manifestSigningText(signed.manifest), signed.signature))) {
    return refuse('BAD_SIGNATURE', '更新清单的签名无效：清单在签署后被改动过，或签名已损坏，不能使用');
  }
  const { version } = signed.manifest;
  if (opts.currentVersion !== null && !gt(version, opts.currentVersion)) {
    return refuse('NOT_NEWER', `更新包版本 ${version} 不高于本机版本 ${opts.currentVersion}：拒绝降级或重复安装旧版本`);
  }
  return ok(signed.manifest);
}

/** The whole check: signature, version, then every listed file by size and SHA-512. */
export async function verifyUpdate(raw: unknown, opts: VerifyOptions): Promise<Result<UpdateManifest>> {
  const manifest = await verifyManifestSignature(raw, opts);
  if (!manifest.ok) return manifest;
  for (const file of manifest.value.files) {
    const found = await opts.files.digest(file.path);
    if (!found) return refuse('FILE_MISSING', `更新包缺少文件 ${file.path}：请重新拷贝完整的更新包`);
    if (found.size !== file.size || found.sha512 !== file.sha512) {
      const what = found.size !== file.size ? `大小为 ${found.size} 字节，清单为 ${file.size} 字节` : 'SHA-512 与清单不符';
      return refuse('FILE_MISMATCH', `文件 ${file.path} 与清单不符（${what}）：文件被改动或已损坏，不能使用`);
    }
  }
  return manifest;
}
