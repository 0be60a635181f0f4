// electron-builder's afterAllArtifactBuild hook: signs the update manifest (tongban-update.json) over
// every installer in the output folder, and hands it back to be published beside them.
import { join } from 'node:path';
import { releaseSign, requireKeyOrWarn } from './release-after-pack.mjs';

export default async function afterAllArtifactBuild(result) {
  if (!requireKeyOrWarn('签署更新清单')) return [];
  // The version is package.json's, as in the installers' names.
  releaseSign(['--dir', result.outDir]);
  return [join(result.outDir, 'tongban-update.json')];
}
