import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { defineConfig, globalIgnores } from 'eslint/config';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // A leading underscore marks a parameter a signature requires but the body does not use
    // (server actions bound to forms receive the previous state first).
    rules: { '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    // Reader pages navigate as plain documents: every page is a whole HTML answer the nginx front
    // caches, and without next/link a reader page sends no RSC prefetches for the links in view
    // (main-thread work on a phone, Lighthouse performance; docs/architecture.md, "Reader pages' client JavaScript").
    // app/not-found.tsx and app/forbidden.tsx are root boundaries: a Link in either loads next/link on every page.
    files: [
      'app/(public)/**',
      'components/public/**',
      'components/epaper/page-scan.tsx',
      'app/not-found.tsx',
      'app/forbidden.tsx',
    ],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
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
