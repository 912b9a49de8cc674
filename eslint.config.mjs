// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'off',
      eqeqeq: ['error', 'always'],
      curly: 'error',
      'no-console': 'off',
    },
  },
  {
    // The vscode-free core must never import vscode (docs/ARCHITECTURE.md, Layers).
    files: ['src/fsx/**/*.ts', 'src/tracking/**/*.ts', 'src/emulator/**/*.ts', 'src/viewModel/**/*.ts', 'src/sandbox/**/*.ts', 'src/outcomes/**/*.ts', 'src/mounts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'fsx/, tracking/, emulator/, viewModel/, sandbox/, outcomes/ and mounts/ are vscode-free.' }] }],
    },
  },
  {
    // The SDK clients load on demand, from bundles of their own (esbuild.js): only the modules
    // behind the loaders may import them (types are fine).
    files: ['src/**/*.ts'],
    ignores: ['src/outcomes/s3Client.ts', 'src/outcomes/logsClient.ts', 'src/fsx/clientFactory.ts', 'src/fsx/fsxService.ts', 'src/fsx/inMemoryWarmUp.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@aws-sdk/client-s3', allowTypeImports: true, message: 'Load it lazily through src/outcomes/s3Client.ts.' },
            { name: '@aws-sdk/client-cloudwatch-logs', allowTypeImports: true, message: 'Load it lazily through src/outcomes/loadLogs.ts.' },
            { name: '@aws-sdk/client-fsx', allowTypeImports: true, message: 'Load it lazily through src/fsx/loadFsxBackend.ts.' },
            { name: '@aws-sdk/credential-providers', allowTypeImports: true, message: 'Load it lazily through src/fsx/loadFsxBackend.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly', fetch: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/ui/**/*.mjs'],
    languageOptions: { globals: { describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly' } },
  },
);
