// The release key from the environment, never from the repository: TONGBAN_RELEASE_PRIVATE_KEY holds
// the PKCS#8 private key (base64url), or TONGBAN_RELEASE_PRIVATE_KEY_FILE names a file outside the repo.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromBase64Url } from '../shared/crypto/bytes';
import { importPrivateKeyPkcs8, importPublicKey } from '../shared/crypto/ed25519';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export class CliError extends Error {}

function insideRepo(path: string): boolean {
  const rel = relative(realpathSync(REPO_ROOT), realpathSync(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The private key text: from the variable, or from the file it names (refused inside the repository). */
export function privateKeyText(env: NodeJS.ProcessEnv): string {
  const inline = env.TONGBAN_RELEASE_PRIVATE_KEY?.trim();
  if (inline) return inline;
  const file = env.TONGBAN_RELEASE_PRIVATE_KEY_FILE?.trim();
  if (!file) throw new CliError('未提供发布私钥：请设置环境变量 TONGBAN_RELEASE_PRIVATE_KEY（或 TONGBAN_RELEASE_PRIVATE_KEY_FILE 指向仓库之外的文件）');
  let text: string;
  try {
    if (insideRepo(file)) throw new CliError(`发布私钥文件 ${file} 位于代码仓库内：私钥不得放进仓库，请移到仓库之外`);
    text = readFileSync(file, 'utf8').trim();
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取发布私钥文件 ${file}`);
  }
  return text;
}

/** The signing pair of a PKCS#8 private key (the public half derived from it). */
export async function releaseKeys(pkcs8: string): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; publicKeyText: string }> {
  const der = fromBase64Url(pkcs8);
  const privateKey = der ? await importPrivateKeyPkcs8(pkcs8) : null;
  if (!der || !privateKey) throw new CliError('发布私钥格式错误：应为 Ed25519 私钥的 PKCS#8 编码（base64url），可用 npm run release:keygen 生成');
  const jwk = createPublicKey(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' })).export({ format: 'jwk' });
  const publicKey = jwk.x ? await importPublicKey(jwk.x) : null;
  if (!jwk.x || !publicKey) throw new CliError('无法从发布私钥导出公钥');
  return { privateKey, publicKey, publicKeyText: jwk.x };
}

/** Runs a CLI's main and turns a CliError into its message and exit code 2. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof CliError ? err.message : optionValueHint(err) ?? err);
      process.exit(2);
    },
  );
}

/**
 * A key in base64url may begin with "-", which Node's parseArgs takes for an option after
 * `--public-key KEY`: told in Chinese, with the form that works (`--public-key=KEY`).
 */
function optionValueHint(err: unknown): string | null {
  if (!(err instanceof Error) || (err as { code?: string }).code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return null;
  // The same code says a value is missing or given to a switch: those keep Node's own words.
  if (!err.message.includes('argument is ambiguous')) return null;
  const option = /Option '([^']+)'/.exec(err.message)?.[1] ?? '选项';
  return `${option} 的值以“-”开头（base64url 编码的密钥可能如此）：请写作 ${option.split(' ')[0]}=值`;
}
