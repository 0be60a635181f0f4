// `npm run release:sign -- --dir release/0.2.0 [--version 0.2.0] [--file NAME …] [--out NAME]`: writes
// the signed update manifest (shared/update) beside the installers, signed with the release key from
// the environment. Without --file it lists the folder's installers (.exe, .AppImage, .deb).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE, MANIFEST_FORMAT, signManifest, type UpdateManifest } from '../shared/update';
import { folderSource, verifyUpdateFolder } from '../electron/main/update-folder';
import { CliError, privateKeyText, releaseKeys, REPO_ROOT, runCli } from './release-keys';

const INSTALLER = /\.(exe|AppImage|deb)$/;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, version: { type: 'string' }, file: { type: 'string', multiple: true }, out: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.dir) throw new CliError('用法：npm run release:sign -- --dir <安装包目录> [--version 0.2.0] [--file 文件名 …] [--out 清单文件名]');
  const dir = resolve(values.dir);
  const version = values.version ?? (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const names = values.file ?? readdirSync(dir).filter((n) => INSTALLER.test(n) && statSync(join(dir, n)).isFile()).sort();
  if (names.length === 0) throw new CliError(`目录 ${dir} 中没有安装包（.exe、.AppImage、.deb）：请用 --file 指定要签署的文件`);
  const keys = await releaseKeys(privateKeyText(process.env));

  const source = folderSource(dir);
  const files: UpdateManifest['files'] = [];
  for (const path of names) {
    const digest = await source.digest(path);
    if (!digest) throw new CliError(`找不到要签署的文件 ${path}（须在 ${dir} 之内）`);
    files.push({ path, ...digest });
  }
  const manifest: UpdateManifest = { format: MANIFEST_FORMAT, product: 'tongban', version, createdAt: new Date().toISOString(), files };
  let signed;
  try {
    signed = await signManifest(manifest, keys);
  } catch (e) {
    throw new CliError(`清单无效：${e instanceof Error ? e.message : String(e)}`);
  }
  const out = values.out ?? MANIFEST_FILE;
  writeFileSync(join(dir, out), `${JSON.stringify(signed, null, 2)}\n`);
  // What was written must verify with the key's own public half, or nothing is claimed.
  const check = await verifyUpdateFolder(dir, { publicKey: keys.publicKeyText, currentVersion: null, manifestName: out });
  if (!check.ok) throw new CliError(`签署后的自检失败：${check.error.message}`);
  if (values.json) console.log(JSON.stringify({ manifest: join(dir, out), version, keyId: signed.keyId, files: files.map((f) => f.path) }));
  else console.log(`已签署：通办 ${version}，${files.length} 个文件（${files.map((f) => f.path).join('、')}），发布密钥 ${signed.keyId}，清单 ${join(dir, out)}`);
  return 0;
}

runCli(main);
