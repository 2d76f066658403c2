// npm run bench:import — field-level accuracy of the print importer over the fixture corpus
// (test/fixtures/import-corpus: issue texts in different layouts, each with a hand-checked expected
// structure). Prints, per issue and in total, the fields read right (masthead fields, each story's
// fields and body blocks, unplaced lines), the wrong headlines, and whether each wrong field was
// flagged for the editor or silently wrong; then checks that the sample issue still imports exactly.
// Targets: ≥ 98 % of fields right, 0 wrong headlines, 0 silently wrong fields.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import { readCorpus } from '../../lib/importer/corpus';
import { scoreIssue } from '../../lib/importer/corpus-score';
import { parseIssue } from '../../lib/importer/parse-issue';
import { SAMPLE_ISSUE_FILE, sampleIssue } from '../../seeds/sample-issue';

const corpus = readCorpus();
let right = 0;
let total = 0;
let flagged = 0;
let silent = 0;
const wrongHeadlines: string[] = [];
const started = performance.now();
console.log(`导入语料：${corpus.length}份期次文本\n`);
for (const entry of corpus) {
  const score = scoreIssue(entry.expected, parseIssue(entry.text));
  right += score.right;
  total += score.total;
  flagged += score.wrong.filter((wrong) => wrong.flagged).length;
  silent += score.wrong.filter((wrong) => !wrong.flagged).length;
  wrongHeadlines.push(...score.wrongHeadlines.map((headline) => `${entry.name}：${headline}`));
  console.log(
    `${entry.name.padEnd(30)} ${entry.encoding.padEnd(8)} ${String(score.right).padStart(3)}/${String(score.total).padEnd(3)} ${score.wrongHeadlines.length ? `标题错${score.wrongHeadlines.length}` : ''}`,
  );
  for (const wrong of score.wrong)
    console.log(
      `    ${wrong.flagged ? '已标出' : '未标出'} ${wrong.field}：应为 ${JSON.stringify(wrong.expected)}，读成 ${JSON.stringify(wrong.actual)}`,
    );
}
const elapsed = performance.now() - started;
const seedText = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds', SAMPLE_ISSUE_FILE), 'utf8');
const seedExact = isDeepStrictEqual(parseIssue(seedText).issue, sampleIssue);

console.log('');
console.log(`字段正确：${right}/${total} = ${((right / total) * 100).toFixed(1)}%（目标 ≥ 98%）`);
console.log(`标题错误：${wrongHeadlines.length}（目标 0）${wrongHeadlines.map((line) => `\n    ${line}`).join('')}`);
console.log(`错误字段：已标出请核对 ${flagged}，未标出 ${silent}（目标 0）`);
console.log(`样刊 ${SAMPLE_ISSUE_FILE}：${seedExact ? '与手工核对的结构完全一致' : '与手工核对的结构不一致'}`);
console.log(`用时：${elapsed.toFixed(0)} ms（${(elapsed / corpus.length).toFixed(1)} ms/期，含解码与评分）`);
