// npm run import -- <file.txt|file.pdf|file.json> [--number N] [--date YYYY-MM-DD] [--replace]
// A print export (.txt in UTF-8 or GB18030, or the PDF with its text layer) or an export of this system (.json) becomes a PLANNING
// issue of draft stories in the data directory's database. Nothing is published. What the importer
// could not find is asked for (--number, --date) rather than a reason to give up; only a text with no
// issue structure at all is refused.
import fs from 'node:fs';

import { toPlainText } from '../lib/content/plain-text';
import { decodeImportFile, MAX_IMPORT_BYTES } from '../lib/importer/decode';
import { saveImportedIssue } from '../lib/importer/import-service';
import { positionalArgs, provisionalHeadline, readOverrides, refusal } from '../lib/importer/needs';
import { parseIssue } from '../lib/importer/parse-issue';
import { readImportFile } from '../lib/importer/read-file';
import { reportLines } from '../lib/importer/report-text';
import type { TitleRoles } from '../lib/importer/title-block';
import { readIssueExport } from '../lib/issues/export-issue';
import type { StructuredIssue } from '../lib/issues/structured';
import { CliDatabaseError, openForWriting } from '../server/cli-database';

const USAGE = 'npm run import -- 文件.txt|文件.pdf [--number 期号] [--date 2020-08-24] [--replace]';

function fail(message: string, code = 1): never {
  console.error(`导入失败：${message}`);
  process.exit(code);
}

function readFile(file: string): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) fail(`${file} 不是文件`);
    // Refuse huge files before reading them into memory.
    if (stat.size > MAX_IMPORT_BYTES) fail('文件过大（上限 10 MB）');
    return fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') fail(`找不到文件 ${file}`);
    throw error;
  }
}

function readText(text: string, encoding: string, titleRoles?: TitleRoles): StructuredIssue {
  const parsed = parseIssue(text, { titleRoles });
  console.log(`编码：${encoding}`);
  for (const line of reportLines(parsed.issue, parsed.report)) console.log(line);
  const refused = refusal(parsed.issue, parsed.report);
  if (refused) fail(refused);
  // A story without a headline keeps its opening words as a provisional one, said aloud.
  const stories = parsed.issue.stories.map((story, index) => {
    if (story.headline) return story;
    const headline = provisionalHeadline(toPlainText(story.body).split('\n')[0] ?? '');
    console.log(`  稿件${index + 1}没有主题，暂用正文开头“${headline}”作主题（草稿，请在稿件页修改）`);
    return { ...story, headline };
  });
  return { ...parsed.issue, stories };
}

async function main() {
  const args = process.argv.slice(2);
  const file = positionalArgs(args)[0];
  const replace = args.includes('--replace');
  if (!file) fail(`请给出文件：${USAGE}`);
  const overrides = readOverrides(args);
  if (overrides.errors.length) fail(overrides.errors.join('；'));
  const bytes = readFile(file);
  const decoded = file.endsWith('.json') ? decodeImportFile(bytes) : await readImportFile(bytes);
  if (!decoded.ok) fail(decoded.error);

  let issue: StructuredIssue;
  if (file.endsWith('.json')) {
    const read = readIssueExport(decoded.text);
    if (!read.ok) fail(read.error);
    issue = read.issue;
    console.log(`读取导出文件：第${issue.number}期，${issue.stories.length}篇稿件`);
  } else {
    issue = readText(decoded.text, decoded.encoding, 'titleRoles' in decoded ? decoded.titleRoles : undefined);
  }
  if (overrides.number) {
    if (issue.number && issue.number !== overrides.number)
      console.log(`期号：文件里是第${issue.number}期，按 --number 用第${overrides.number}期`);
    issue = { ...issue, number: overrides.number };
  }
  if (overrides.date) {
    if (issue.date && issue.date !== overrides.date)
      console.log(`出版日期：文件里是 ${issue.date}，按 --date 用 ${overrides.date}`);
    issue = { ...issue, date: overrides.date };
  }
  const needs = [
    ...(issue.number ? [] : ['期号：加上 --number <期号>，如 --number 1706']),
    ...(issue.date ? [] : ['出版日期：加上 --date <日期>，如 --date 2020-08-24']),
    ...(issue.stories.length ? [] : ['至少一篇稿件：文件里没有找到稿件']),
  ];
  if (needs.length) {
    console.error('还需要：');
    for (const need of needs) console.error(`  ${need}`);
    fail('以上信息缺少，没有写入任何内容', 2);
  }

  const db = await openForWriting(process.env);
  try {
    const outcome = await saveImportedIssue(db, issue, { actorId: null, replace });
    if (!outcome.ok)
      fail(outcome.conflict === 'draft-exists' ? `${outcome.error}（加上 --replace 替换草稿）` : outcome.error);
    console.log(
      `已导入第${outcome.number}期（草稿，未出版）：${outcome.stories}篇稿件${outcome.replaced ? '，替换了原草稿' : ''}`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliDatabaseError) fail(error.message);
  console.error(error);
  process.exit(1);
});
