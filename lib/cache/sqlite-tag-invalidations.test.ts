import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { KEEP_EXPIRIES_MS, SqliteTagInvalidations } from './sqlite-tag-invalidations';

let dir: string;
let file: string;
const open: SqliteTagInvalidations[] = [];
function instance(now?: () => number): SqliteTagInvalidations {
  const made = new SqliteTagInvalidations(file, now);
  open.push(made);
  return made;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-tags-'));
  file = path.join(dir, 'cache-tags.db');
});
afterEach(async () => {
  for (const made of open.splice(0)) await made.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tag expiries shared through a SQLite file', () => {
  it('an expiry written by one instance is seen by the next lookup of another', async () => {
    const a = instance();
    const b = instance();
    expect(b.expiredAt(['article:x'])).toBe(0);
    const before = Date.now();
    await a.expire(['article:x', 'lists']);
    expect(b.expiredAt(['article:x'])).toBeGreaterThanOrEqual(before);
    expect(b.expiredAt(['lists', 'public'])).toBeGreaterThanOrEqual(before);
    expect(b.expiredAt(['article:y', 'issue:3'])).toBe(0);
    expect(a.expiredAt(['article:x'])).toBeGreaterThanOrEqual(before);
  });

  it('keeps the latest expiry of a tag, whichever instance wrote last', async () => {
    let clockA = 5_000_000;
    let clockB = 4_000_000;
    const a = instance(() => clockA);
    const b = instance(() => clockB);
    const c = instance();
    await a.expire(['public']);
    await b.expire(['public']);
    expect(c.expiredAt(['public'])).toBe(5_000_000);
    clockB = 6_000_000;
    await b.expire(['public']);
    expect(a.expiredAt(['public'])).toBe(6_000_000);
    clockA = 0;
    expect(c.expiredAt(['public'])).toBe(6_000_000);
  });

  it('sees expiries written by another process', () => {
    const b = instance();
    const script = `import { SqliteTagInvalidations } from ${JSON.stringify(path.join(import.meta.dirname, 'sqlite-tag-invalidations.ts'))};
const a = new SqliteTagInvalidations(${JSON.stringify(file)});
void a.expire(['issue:1705']).then(() => a.close());`;
    const tsx = path.join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, '--eval', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(b.expiredAt(['issue:1705'])).toBeGreaterThan(0);
  });

  it('drops expiries older than any cached entry can be when opened', async () => {
    const old = instance(() => Date.now() - KEEP_EXPIRIES_MS - 60_000);
    await old.expire(['article:old']);
    const fresh = instance();
    expect(fresh.expiredAt(['article:old'])).toBe(0);
  });
});
