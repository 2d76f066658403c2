// Applies the migrations once, with `prisma migrate deploy`, to a template database that every test
// file then copies (test/support/per-file-database.ts): each file gets a fresh database in milliseconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

import { runPrisma } from '../../server/prisma-cli';

export default function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-test-'));
  const template = path.join(dir, 'template.db');
  const result = runPrisma(['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    capture: true,
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed for the test template:\n${result.stdout}\n${result.stderr}`);
  }
  project.provide('templateDatabase', template);
  project.provide('postgresServer', '');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
