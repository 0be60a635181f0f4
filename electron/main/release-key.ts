// The release public key built into this app (base64url of the 32 raw Ed25519 bytes): electron-vite
// writes it in at build time from TONGBAN_RELEASE_PUBLIC_KEY. A build without one accepts no update
// and reports its own build as unsigned.
declare const __TONGBAN_RELEASE_PUBLIC_KEY__: string | undefined;

export const RELEASE_PUBLIC_KEY: string = typeof __TONGBAN_RELEASE_PUBLIC_KEY__ === 'string' ? __TONGBAN_RELEASE_PUBLIC_KEY__ : '';
