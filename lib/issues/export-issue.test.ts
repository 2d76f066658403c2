import { afterAll, describe, expect, it } from 'vitest';

import { loadSampleIssue } from '../../seeds/load-sample';
import { sampleIssue } from '../../seeds/sample-issue';
import { openTestDatabase } from '../../test/support/database';
import { exportIssue, readIssueExport } from './export-issue';

const db = openTestDatabase();
afterAll(() => db.$disconnect());

describe('exportIssue', () => {
  it('writes the sample issue back as the structure it was loaded from, and reads it again', async () => {
    await loadSampleIssue(db);
    const exported = await exportIssue(db, 1705);
    expect(exported).toMatchObject({ format: 'jinri-kecheng.issue', version: 1, status: 'PUBLISHED' });
    expect(exported!.issue).toEqual(sampleIssue);
    expect(readIssueExport(JSON.stringify(exported))).toEqual({ ok: true, issue: sampleIssue });
  });

  it('says when a file is not an export', async () => {
    expect(readIssueExport('{')).toEqual({ ok: false, error: '不是有效的 JSON 文件' });
    expect(readIssueExport('{"format":"other"}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('不是本系统导出的期次文件'),
    });
    expect(await exportIssue(db, 9999)).toBeNull();
  });
});
