import path from 'node:path';
import { describe, expect, it } from 'vitest';

import {
  ConfigError,
  DEFAULT_POOL_SIZE,
  describeTarget,
  resolveDatabase,
  resolveDataDir,
  resolvePoolSize,
  sqlitePathOf,
} from './database';

describe('resolveDatabase', () => {
  const cwd = '/srv/app';

  it('defaults to newsroom.db in ./.data', () => {
    expect(resolveDatabase({}, cwd)).toEqual({ kind: 'sqlite', sqlitePath: '/srv/app/.data/newsroom.db' });
  });

  it('follows DATA_DIR when DATABASE_URL is unset', () => {
    expect(sqlitePathOf(resolveDatabase({ DATA_DIR: '/var/lib/news' }, cwd))).toBe('/var/lib/news/newsroom.db');
    expect(resolveDataDir({ DATA_DIR: 'data' }, cwd)).toBe(path.join(cwd, 'data'));
  });

  it('accepts file: URLs, relative and absolute', () => {
    expect(sqlitePathOf(resolveDatabase({ DATABASE_URL: 'file:./x/n.db' }, cwd))).toBe('/srv/app/x/n.db');
    expect(sqlitePathOf(resolveDatabase({ DATABASE_URL: 'file:/tmp/n.db' }, cwd))).toBe('/tmp/n.db');
    expect(sqlitePathOf(resolveDatabase({ DATABASE_URL: 'file:///tmp/n.db' }, cwd))).toBe('/tmp/n.db');
  });

  it('refuses malformed URLs with a sentence that says what to write', () => {
    expect(() => resolveDatabase({ DATABASE_URL: 'mysql://x' }, cwd)).toThrow(ConfigError);
    expect(() => resolveDatabase({ DATABASE_URL: 'newsroom.db' }, cwd)).toThrow(/file:/);
    expect(() => resolveDatabase({ DATABASE_URL: 'file:' }, cwd)).toThrow(/没有指明数据库文件/);
    expect(() => resolveDatabase({ DATABASE_URL: 'postgresql://u@h' }, cwd)).toThrow(/没有写数据库名/);
    expect(() => resolveDatabase({ DATABASE_URL: 'postgresql://u@:5432/db' }, cwd)).toThrow(/PostgreSQL/);
  });

  it('takes a PostgreSQL URL, and describes where it points without its password', () => {
    const url = 'postgresql://news:s3cret@db.example:6543/newsroom';
    expect(resolveDatabase({ DATABASE_URL: url }, cwd)).toEqual({ kind: 'postgresql', url });
    expect(resolveDatabase({ DATABASE_URL: 'postgres://u@h/db' }, cwd).kind).toBe('postgresql');
    expect(describeTarget(url)).toBe('主机 db.example，端口 6543，数据库 newsroom，用户 news');
    expect(describeTarget(url)).not.toContain('s3cret');
    expect(() => sqlitePathOf(resolveDatabase({ DATABASE_URL: url }, cwd))).toThrow(/只适用于 SQLite/);
  });
});

describe('resolvePoolSize', () => {
  it('keeps 10 connections per process unless told otherwise', () => {
    expect(resolvePoolSize({})).toBe(DEFAULT_POOL_SIZE);
    expect(resolvePoolSize({ DATABASE_POOL_SIZE: ' 25 ' })).toBe(25);
    expect(resolvePoolSize({ DATABASE_POOL_SIZE: '200' })).toBe(200);
  });

  it('refuses what is not a whole number from 1 to 200, saying what to write', () => {
    for (const raw of ['0', '-3', '2.5', 'ten', '201', '1e2']) {
      expect(() => resolvePoolSize({ DATABASE_POOL_SIZE: raw })).toThrow(ConfigError);
    }
    expect(() => resolvePoolSize({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/1 到 200 之间的整数/);
  });
});
