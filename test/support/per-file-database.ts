// Runs before each test file: points DATABASE_URL and DATA_DIR at a fresh copy of the migrated
// template, so database tests never see each other's rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, inject } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-file-'));
const file = path.join(dir, 'newsroom.db');
fs.copyFileSync(inject('templateDatabase'), file);
process.env.DATA_DIR = dir;
process.env.DATABASE_URL = `file:${file}`;

afterAll(async () => {
  const holder = globalThis as { __newsroomDb?: { $disconnect(): Promise<void> } };
  await holder.__newsroomDb?.$disconnect();
  delete holder.__newsroomDb;
  fs.rmSync(dir, { recursive: true, force: true });
});
