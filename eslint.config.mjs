import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A leading underscore marks a parameter a signature requires but the body does not use
    // (server actions bound to forms receive the previous state first).
    rules: { '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  globalIgnores([
    '.next/**',
    'node_modules/**',
    'lib/generated/**',
    '.data/**',
    'e2e/.tmp/**',
    'test-results/**',
    'playwright-report/**',
    '.bench/**',
    'backups/**',
    'next-env.d.ts',
  ]),
]);
