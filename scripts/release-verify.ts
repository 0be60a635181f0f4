// `npm run release:verify -- --dir <folder> [--public-key=KEY] [--current 0.1.0] [--manifest NAME]`:
// the same check the app makes before it installs an update. Exit 0 when it passes, 1 with the
// reason when it is refused, 2 on a usage error. The public key may come from TONGBAN_RELEASE_PUBLIC_KEY.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyUpdateFolder } from '../electron/main/update-folder';
import { releaseKeyId } from '../shared/update';
import { CliError, runCli } from './release-keys';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dir: { type: 'string' }, 'public-key': { type: 'string' }, current: { type: 'string' }, manifest: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.dir) throw new CliError('用法：npm run release:verify -- --dir <更新包目录> [--public-key=公钥] [--current 本机版本]');
  const publicKey = values['public-key'] ?? process.env.TONGBAN_RELEASE_PUBLIC_KEY ?? '';
  if (!publicKey) throw new CliError('未提供发布公钥：请用 --public-key=公钥 或环境变量 TONGBAN_RELEASE_PUBLIC_KEY 给出');
  const r = await verifyUpdateFolder(resolve(values.dir), { publicKey, currentVersion: values.current ?? null, ...(values.manifest ? { manifestName: values.manifest } : {}) });
  if (values.json) console.log(JSON.stringify(r.ok ? { ok: true, version: r.value.version, files: r.value.files.map((f) => f.path) } : r));
  else if (r.ok) console.log(`通过：通办 ${r.value.version}，${r.value.files.length} 个文件与发布密钥 ${await releaseKeyId(publicKey)} 的签名一致`);
  else console.log(`拒绝（${r.error.code}）：${r.error.message}`);
  return r.ok ? 0 : 1;
}

runCli(main);
