// electron-builder's afterPack hook: signs an attestation of the packed app.asar with the release key
// and puts it in the app's resources (tongban-build.json), so the installed app can tell whether it
// is the build the release key signed (the diagnostics page shows it). Without a release key in the
// environment the build stays unsigned and says so; TONGBAN_REQUIRE_SIGNED=1 makes that an error.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const releaseKeyGiven = (env) => !!(env.TONGBAN_RELEASE_PRIVATE_KEY || env.TONGBAN_RELEASE_PRIVATE_KEY_FILE);

/** Runs scripts/release-sign.ts with tsx; throws with its message when it fails. */
export function releaseSign(args) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/release-sign.ts', ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`release:sign 失败（退出码 ${r.status}）`);
}

export function requireKeyOrWarn(what) {
  if (releaseKeyGiven(process.env)) return true;
  if (process.env.TONGBAN_REQUIRE_SIGNED === '1') throw new Error(`未提供发布私钥（TONGBAN_RELEASE_PRIVATE_KEY），不能${what}`);
  console.warn(`未提供发布私钥：${what}跳过，此构建为未签名构建`);
  return false;
}

export default async function afterPack(context) {
  if (!requireKeyOrWarn('签署构建')) return;
  const resources =
    context.electronPlatformName === 'darwin'
      ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources');
  releaseSign(['--dir', resources, '--file', 'app.asar', '--out', 'tongban-build.json', '--version', context.packager.appInfo.version]);
}
