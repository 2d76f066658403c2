import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

import { NOT_AN_ISSUE, positionalArgs, provisionalHeadline, readOverrides, refusal } from './needs';
import { parseIssue } from './parse-issue';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe('what the importer refuses and what it asks for', () => {
  it('refuses only text with no issue structure at all', () => {
    const prose = parseIssue('今天天气很好。\n\n我们去公园散步。');
    expect(refusal(prose.issue, prose.report)).toBe(NOT_AN_ISSUE);
    const noMasthead = parseIssue('柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。');
    expect(refusal(noMasthead.issue, noMasthead.report)).toBeNull();
    const onlyDate = parseIssue('2020年8月24日\n\n柯城开展大检查\n\n检查组一行来到化工园区。');
    expect(refusal(onlyDate.issue, onlyDate.report)).toBeNull();
  });

  it('reads --number and --date in either form and says what is wrong with them', () => {
    expect(readOverrides(['a.txt', '--number', '1706', '--date=2020年8月24日'])).toEqual({
      number: 1706,
      date: '2020-08-24',
      errors: [],
    });
    expect(readOverrides(['--number', '１７０６', '--date', '2020-08-24'])).toMatchObject({
      number: 1706,
      date: '2020-08-24',
    });
    expect(readOverrides(['--number', 'abc', '--date', '2020-02-30']).errors).toEqual([
      '--number 应为正整数，收到“abc”',
      '--date 应为日期（如 2020-08-24），收到“2020-02-30”',
    ]);
    expect(positionalArgs(['--number', '1706', 'issue.txt', '--replace'])).toEqual(['issue.txt']);
  });

  it('takes the opening words as a provisional headline', () => {
    expect(provisionalHeadline('浙江省今年将新建美丽河湖100条，进一步提升群众获得感。')).toBe(
      '浙江省今年将新建美丽河湖100条',
    );
  });

  it('the command line prints what it would need and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-needs-'));
    const file = path.join(dir, 'issue.txt');
    fs.writeFileSync(file, '柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。\n');
    const dataDir = path.join(dir, 'data');
    const outcome = await run('npx', ['tsx', 'scripts/import.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('期号：加上 --number <期号>');
    expect(outcome.stderr).toContain('出版日期：加上 --date <日期>');
    expect(fs.existsSync(dataDir)).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
