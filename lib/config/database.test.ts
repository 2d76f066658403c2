import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveDatabase, resolveDataDir } from './database';

describe('resolveDatabase', () => {
  const cwd = '/srv/app';

  it('defaults to newsroom.db in ./.data', () => {
    expect(resolveDatabase({}, cwd)).toEqual({ kind: 'sqlite', sqlitePath: '/srv/app/.data/newsroom.db' });
  });

  it('follows DATA_DIR when DATABASE_URL is unset', () => {
    expect(resolveDatabase({ DATA_DIR: '/var/lib/news' }, cwd).sqlitePath).toBe('/var/lib/news/newsroom.db');
    expect(resolveDataDir({ DATA_DIR: 'data' }, cwd)).toBe(path.join(cwd, 'data'));
  });

  it('accepts file: URLs, relative and absolute', () => {
    expect(resolveDatabase({ DATABASE_URL: 'file:./x/n.db' }, cwd).sqlitePath).toBe('/srv/app/x/n.db');
    expect(resolveDatabase({ DATABASE_URL: 'file:/tmp/n.db' }, cwd).sqlitePath).toBe('/tmp/n.db');
    expect(resolveDatabase({ DATABASE_URL: 'file:///tmp/n.db' }, cwd).sqlitePath).toBe('/tmp/n.db');
  });

  it('refuses malformed URLs with a sentence that says what to write', () => {
    expect(() => resolveDatabase({ DATABASE_URL: 'mysql://x' }, cwd)).toThrow(ConfigError);
    expect(() => resolveDatabase({ DATABASE_URL: 'newsroom.db' }, cwd)).toThrow(/file:/);
    expect(() => resolveDatabase({ DATABASE_URL: 'file:' }, cwd)).toThrow(/没有指明数据库文件/);
    expect(() => resolveDatabase({ DATABASE_URL: 'postgresql://u@h/db' }, cwd)).toThrow(/PostgreSQL/);
  });
});
