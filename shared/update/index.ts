// Signed updates and build attestations (see manifest.ts and verify.ts).
export * from './manifest';
export * from './verify';
