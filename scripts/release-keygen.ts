// `npm run release:keygen`: a new Ed25519 release key pair. The private key goes into the release
// machine's secret store (TONGBAN_RELEASE_PRIVATE_KEY), never into the repository; the public key
// goes into the build's environment (TONGBAN_RELEASE_PUBLIC_KEY), which builds it into the app.
import { exportPrivateKeyPkcs8, exportPublicKey, generateSigningKeyPair } from '../shared/crypto/ed25519';
import { releaseKeyId } from '../shared/update';
import { runCli } from './release-keys';

runCli(async () => {
  const pair = await generateSigningKeyPair(true);
  const privateKey = await exportPrivateKeyPkcs8(pair.privateKey);
  const publicKey = await exportPublicKey(pair.publicKey);
  const keyId = await releaseKeyId(publicKey);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ privateKey, publicKey, keyId }));
  else {
    console.log(`# 发布密钥 ${keyId}：私钥只放进发布机的密钥库，切勿提交到仓库`);
    console.log(`TONGBAN_RELEASE_PRIVATE_KEY=${privateKey}`);
    console.log(`TONGBAN_RELEASE_PUBLIC_KEY=${publicKey}`);
  }
  return 0;
});
