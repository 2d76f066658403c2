// npm run import -- <file.txt|file.json> [--replace]
// A print export (.txt, UTF-8 or GB18030) or an export of this system (.json) becomes a PLANNING
// issue of draft stories in the data directory's database. Nothing is published.
import fs from 'node:fs';
import { CliDatabaseError, openForWriting } from './lib/cli-database';
import { decodeImportFile } from '../lib/importer/decode';
import { parseIssue } from '../lib/importer/parse-issue';
import { reportLines } from '../lib/importer/report-text';
import { blockingProblems, saveImportedIssue } from '../lib/importer/import-service';
import { readIssueExport } from '../lib/issues/export-issue';
import type { StructuredIssue } from '../lib/issues/structured';

function fail(message: string): never {
  console.error(`导入失败：${message}`);
  process.exit(1);
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const replace = args.includes('--replace');
  if (!file) fail('请给出文件：npm run import -- 文件.txt [--replace]');
  let bytes: Uint8Array;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) fail(`${file} 不是文件`);
    // Refuse huge files before reading them into memory.
    if (stat.size > 10 * 1024 * 1024) fail('文件过大（上限 10 MB）');
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`找不到文件 ${file}`);
    throw error;
  }
  const decoded = decodeImportFile(bytes);
  if (!decoded.ok) fail(decoded.error);

  let issue: StructuredIssue;
  if (file.endsWith('.json')) {
    const read = readIssueExport(decoded.text);
    if (!read.ok) fail(read.error);
    issue = read.issue;
    console.log(`读取导出文件：第${issue.number}期，${issue.stories.length}篇稿件`);
  } else {
    const parsed = parseIssue(decoded.text);
    console.log(`编码：${decoded.encoding}`);
    for (const line of reportLines(parsed.issue, parsed.report)) console.log(line);
    const problems = blockingProblems(parsed.issue, parsed.report);
    if (problems.length) fail(problems.join('；'));
    issue = parsed.issue;
  }

  const db = await openForWriting(process.env);
  try {
    const outcome = await saveImportedIssue(db, issue, { actorId: null, replace });
    if (!outcome.ok) fail(outcome.conflict === 'draft-exists' ? `${outcome.error}（加上 --replace 替换草稿）` : outcome.error);
    console.log(`已导入第${outcome.number}期（草稿，未出版）：${outcome.stories}篇稿件${outcome.replaced ? '，替换了原草稿' : ''}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliDatabaseError) fail(error.message);
  console.error(error);
  process.exit(1);
});
