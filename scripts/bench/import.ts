// npm run bench:import — field-level accuracy of the print importer over the fixture corpora, scored
// separately: issue texts (test/fixtures/import-corpus) and page PDFs (test/fixtures/import-pdf, made
// by four producers), the PDFs split into the tuning set and the blind set (names with "-blind-",
// never used while tuning). Prints, per issue and per set, the fields read right (masthead fields,
// each story's fields and body blocks, unplaced lines), the wrong headlines, and whether each wrong
// field was flagged for the editor or silently wrong; checks that the sample issue still imports
// exactly; and times an 8-page issue PDF (the corpus pages joined) through the PDF path.
// Targets: texts ≥ 98 % of fields right; blind PDFs ≥ 95 %; 0 wrong headlines; 0 silently wrong fields;
// the 8-page PDF under 20 s.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PDFDocument } from 'pdf-lib';

import { readCorpus, readPdfCorpus } from '../../lib/importer/corpus';
import { scoreIssue, type ExpectedIssue } from '../../lib/importer/corpus-score';
import { parseIssue, type ImportResult } from '../../lib/importer/parse-issue';
import { articleAreas, withLayout } from '../../lib/importer/pdf-layout';
import { readImportFile } from '../../lib/importer/read-file';
import { REPORT_PAGE_WIDTH, reportPages } from '../../lib/importer/report-pages';
import { SAMPLE_ISSUE_FILE, sampleIssue } from '../../seeds/sample-issue';

type Scored = { name: string; tag: string; expected: ExpectedIssue; result: ImportResult | string };

function report(title: string, target: number, entries: Scored[]): void {
  let right = 0;
  let total = 0;
  let flagged = 0;
  let silent = 0;
  const wrongHeadlines: string[] = [];
  console.log(`\n${title}：${entries.length}份\n`);
  for (const entry of entries) {
    if (typeof entry.result === 'string') {
      // Refused outright: every field of the issue counts as wrong (and flagged: the editor is told).
      const fields = 8 + entry.expected.stories.reduce((sum, story) => sum + 8 + story.body.length, 0);
      total += fields;
      flagged += fields;
      wrongHeadlines.push(...entry.expected.stories.map((story) => `${entry.name}：缺少 ${story.headline}`));
      console.log(`${entry.name.padEnd(34)} ${entry.tag.padEnd(12)}   0/${fields}  拒绝：${entry.result}`);
      continue;
    }
    const score = scoreIssue(entry.expected, entry.result);
    right += score.right;
    total += score.total;
    flagged += score.wrong.filter((wrong) => wrong.flagged).length;
    silent += score.wrong.filter((wrong) => !wrong.flagged).length;
    wrongHeadlines.push(...score.wrongHeadlines.map((headline) => `${entry.name}：${headline}`));
    console.log(
      `${entry.name.padEnd(34)} ${entry.tag.padEnd(12)} ${String(score.right).padStart(3)}/${String(score.total).padEnd(3)} ${score.wrongHeadlines.length ? `标题错${score.wrongHeadlines.length}` : ''}`,
    );
    for (const wrong of score.wrong)
      console.log(
        `    ${wrong.flagged ? '已标出' : '未标出'} ${wrong.field}：应为 ${JSON.stringify(wrong.expected)}，读成 ${JSON.stringify(wrong.actual)}`,
      );
  }
  const share = total ? (right / total) * 100 : 0;
  console.log(`\n${title} 字段正确：${right}/${total} = ${share.toFixed(1)}%（目标 ≥ ${target}%）`);
  console.log(
    `${title} 标题错误：${wrongHeadlines.length}（目标 0）${wrongHeadlines.map((line) => `\n    ${line}`).join('')}`,
  );
  console.log(`${title} 错误字段：已标出请核对 ${flagged}，未标出 ${silent}（目标 0）`);
}

const started = performance.now();
const corpus = readCorpus();
report(
  '文本语料',
  98,
  corpus.map((entry) => ({
    name: entry.name,
    tag: entry.encoding,
    expected: entry.expected,
    result: parseIssue(entry.text),
  })),
);
const textElapsed = performance.now() - started;

const pdfs = readPdfCorpus();
const pdfScored: (Scored & { blind: boolean })[] = [];
for (const entry of pdfs) {
  const read = await readImportFile(entry.bytes);
  const producer = /^\d+-(?:blind-)?([a-z]+)/u.exec(entry.name)?.[1] ?? '';
  pdfScored.push({
    name: entry.name,
    tag: producer,
    expected: entry.expected,
    result: read.ok ? withLayout(parseIssue(read.text, { titleRoles: read.titleRoles }), read.layout) : read.error,
    blind: entry.blind,
  });
}
report(
  'PDF 语料（调校集）',
  95,
  pdfScored.filter((entry) => !entry.blind),
);
report(
  'PDF 语料（盲测集，调校时未使用）',
  95,
  pdfScored.filter((entry) => entry.blind),
);

const seedText = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds', SAMPLE_ISSUE_FILE), 'utf8');
const seedExact = isDeepStrictEqual(parseIssue(seedText).issue, sampleIssue);
console.log(`\n样刊 ${SAMPLE_ISSUE_FILE}：${seedExact ? '与手工核对的结构完全一致' : '与手工核对的结构不一致'}`);
console.log(
  `文本语料用时：${textElapsed.toFixed(0)} ms（${(textElapsed / corpus.length).toFixed(1)} ms/期，含解码与评分）`,
);

// An 8-page issue PDF: the corpus pages in turn, as many times as it takes.
const issuePdf = await PDFDocument.create();
for (let page = 0; page < 8; page += 1) {
  const source = await PDFDocument.load(pdfs[page % pdfs.length]!.bytes);
  const [copied] = await issuePdf.copyPages(source, [0]);
  issuePdf.addPage(copied!);
}
const issueBytes = await issuePdf.save();
const timed = performance.now();
const read = await readImportFile(issueBytes);
let photos = 0;
let areas = 0;
if (read.ok) {
  const result = withLayout(parseIssue(read.text, { titleRoles: read.titleRoles }), read.layout);
  photos = result.issue.stories.flatMap((story) => story.body.content).filter((node) => node.type === 'figure').length;
  areas = articleAreas(result, read.layout).filter((own) => own.length).length;
}
const issueElapsed = (performance.now() - timed) / 1000;
console.log(
  `8 版整期 PDF（${(issueBytes.length / 1024).toFixed(0)} KB）读取文字层、图片（${photos} 张）与稿件区域（${areas} 篇），解析：${issueElapsed.toFixed(2)} s（目标 < 20 s；版面图片由 pdftoppm 另行生成，不在其内）${read.ok ? '' : `，读取失败：${read.error}`}`,
);
// The preview also draws each page for the report (pdftoppm + sharp, report-pages.ts).
const drawn = performance.now();
const shown = read.ok ? await reportPages(issueBytes, read.layout) : { pages: [], error: null };
const drawnElapsed = (performance.now() - drawn) / 1000;
console.log(
  `导入报告的版面图片（${shown.pages.filter((page) => page.image).length} 页，${REPORT_PAGE_WIDTH} px）：${drawnElapsed.toFixed(2)} s；预览合计 ${(issueElapsed + drawnElapsed).toFixed(2)} s（目标 < 20 s）${shown.error ? `，${shown.error}` : ''}`,
);
