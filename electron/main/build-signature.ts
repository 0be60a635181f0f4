// Is the installed build the one the release key signed? The packager writes a signed attestation of
// app.asar into the resources folder (scripts/release-after-pack.mjs); the app checks it at start
// against the public key built into it, and the diagnostics page shows the answer.
import type { AppInfo } from '../../shared/bridge';
import { BUILD_ATTESTATION_FILE } from '../../shared/update';
import { verifyUpdateFolder } from './update-folder';

export async function checkInstalledBuild(opts: { packaged: boolean; resourcesDir: string; publicKey: string; version: string }): Promise<AppInfo['signature']> {
  if (!opts.packaged) return { status: 'unsigned', detail: '开发运行（未打包），没有发布签名' };
  const r = await verifyUpdateFolder(opts.resourcesDir, { publicKey: opts.publicKey, currentVersion: null, manifestName: BUILD_ATTESTATION_FILE });
  if (!r.ok) {
    if (r.error.code === 'MANIFEST_MISSING') return { status: 'unsigned', detail: '此安装包打包时未提供发布密钥，没有发布签名' };
    return { status: 'invalid', detail: `发布签名校验失败：${r.error.message}` };
  }
  if (r.value.version !== opts.version) {
    return { status: 'invalid', detail: `发布签名所属版本 ${r.value.version} 与本程序版本 ${opts.version} 不符` };
  }
  return { status: 'verified', detail: `已通过发布密钥校验（${r.value.files.map((f) => f.path).join('、')}）` };
}
