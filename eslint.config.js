// Lint: typescript-eslint, React hooks, and the layer rules of DESIGN.md (shared/ imports none of
// ours and no Node/DOM/Electron API; renderer/, hub/ and electron/ never import each other).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Bare names are matched exactly (paths), so a file of ours called events.ts is not mistaken for Node's.
const nodeBuiltinNames = [
  'fs', 'fs/promises', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url',
  'util', 'stream', 'events', 'buffer', 'worker_threads', 'zlib', 'process', 'tls', 'dgram', 'module',
];
const nodePaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));
const layer = (message, groups) => ({ group: groups, message });

const sharedRules = {
  'no-restricted-imports': ['error', { paths: nodePaths('shared/ runs anywhere: no Node API.'), patterns: [
    layer('shared/ imports none of ours (DESIGN.md): move the piece into shared/.', ['**/renderer/**', '**/hub/**', '**/electron/**', '**/resources/**', '**/tests/**']),
    layer('shared/ runs anywhere: no Node API.', ['node:*']),
    layer('shared/ runs anywhere: no Electron API.', ['electron', 'electron/*']),
    layer('shared/ runs anywhere: no DOM or UI library.', ['react', 'react-dom', 'react-dom/*', 'antd', 'dexie', 'socket.io-client']),
  ] }],
  'no-restricted-globals': ['error',
    ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', '__dirname', 'global']
      .map((name) => ({ name, message: 'shared/ runs anywhere: no DOM or Node global.' })),
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'data/**', 'test-results/**', 'playwright-report/**', 'hub/node_modules/**', 'tests/bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: sharedRules },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: nodePaths('renderer/ is a web page: no Node API.'), patterns: [
        layer('renderer/ talks to the shell only through the bridge, and never to the hub\'s code.', ['**/hub/**', '**/electron/**', 'electron', 'electron/*']),
        layer('renderer/ is a web page: no Node API.', ['node:*']),
      ] }],
    },
  },
  {
    files: ['hub/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [
      layer('hub/ never imports renderer/ or electron/ (DESIGN.md).', ['**/renderer/**', '**/electron/**', 'electron', 'electron/*']),
    ] }] },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: [
      layer('electron/ never imports renderer/ or hub/ (DESIGN.md).', ['**/renderer/**', '**/hub/**']),
    ] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'renderer/vite.config.ts', 'electron.vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
