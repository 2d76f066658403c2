import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

import { commonPasswords, firstLines, readCommonPasswords } from './common-passwords';

describe('firstLines', () => {
  it('takes the first lines without their ends and skips empty ones', () => {
    expect(firstLines('a\nb\n\nc\nd', 3)).toEqual(['a', 'b', 'c']);
    expect(firstLines('a\nb', 5)).toEqual(['a', 'b']);
    expect(firstLines('', 5)).toEqual([]);
  });
});

describe('readCommonPasswords', () => {
  it('folds case and trims a CRLF line end', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'common-'));
    const file = path.join(dir, 'list.txt.gz');
    await writeFile(file, gzipSync('Password\r\nqwerty\n'));
    expect([...(await readCommonPasswords(file))]).toEqual(['password', 'qwerty']);
  });
  it('fails loudly when the list is missing, so no password passes unchecked', async () => {
    await expect(readCommonPasswords('/nonexistent/passwords.txt.gz')).rejects.toThrow(/ENOENT/);
  });
});

describe('the shipped list', () => {
  it('stops at the 100,000th line of the package file: its last entry in, the next list out', async () => {
    const list = await commonPasswords();
    expect(list.has('070162')).toBe(true);
    // Only in the lists the package appends after the first 100,000 lines.
    expect(list.has('0258520')).toBe(false);
    expect(list.has('1976sa')).toBe(false);
  });
});
