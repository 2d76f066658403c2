// Runs the Prisma CLI offline. Prisma 6.19 talks to SQLite through the JS driver adapter
// (prisma.config.ts), but still looks for native engines it never uses unless told where they "are":
// pointing these at any existing file stops it from trying to download them.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const PRISMA_BIN = path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js');

export function prismaEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const placeholder = path.join(ROOT, 'package.json');
  return {
    ...env,
    PRISMA_SCHEMA_ENGINE_BINARY: env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
}

export function runPrisma(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; capture?: boolean } = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [PRISMA_BIN, ...args], {
    cwd: ROOT,
    env: prismaEnv(options.env),
    encoding: 'utf8',
    stdio: options.capture ? 'pipe' : 'inherit',
  });
}
