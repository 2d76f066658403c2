import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; unit tests run the same modules in Node.
      'server-only': path.resolve(import.meta.dirname, 'test/support/empty-module.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'seeds/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts', 'components/**/*.test.ts?(x)'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/per-file-database.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
