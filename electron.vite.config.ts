// electron-vite builds main, preload and renderer; the renderer config is the web build's. The release
// public key (TONGBAN_RELEASE_PUBLIC_KEY, base64url) is built into the main process here.
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    define: { __TONGBAN_RELEASE_PUBLIC_KEY__: JSON.stringify(process.env.TONGBAN_RELEASE_PUBLIC_KEY ?? '') },
    build: { outDir: 'out/main', rollupOptions: { input: { index: 'electron/main/index.ts' } } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: 'electron/preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    build: { ...rendererConfig.build, outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
  },
});
