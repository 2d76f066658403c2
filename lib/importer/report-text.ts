// The import report as plain text lines, for the command line.
import { toPlainText } from '../content/plain-text';
import type { StructuredIssue } from '../issues/structured';
import type { ImportReport } from './report';

const CONFIDENCE = { high: '确定', medium: '较确定', low: '请核对' } as const;

export function reportLines(issue: StructuredIssue, report: ImportReport): string[] {
  const lines = [
    `第${issue.number || '?'}期 ${issue.date || '（无日期）'}，${issue.pageCount}版，${issue.stories.length}篇稿件`,
  ];
  for (const [name, found] of Object.entries(report.masthead))
    lines.push(`  报头 ${name}: ${found.value}（${CONFIDENCE[found.confidence]}，第${found.line}行）`);
  report.stories.forEach((story, index) => {
    lines.push(
      `  稿件${index + 1}（第${story.page}版，第${story.line}行）：${story.headline}；${story.paragraphs}段，${story.headings}个小标题，${story.tables}个表格`,
    );
    for (const [name, found] of Object.entries(story.fields))
      lines.push(`    ${name}: ${found.value}（${CONFIDENCE[found.confidence]}）`);
    for (const position of story.unsureHeadings) {
      const node = issue.stories[index]?.body.content[position];
      if (node) lines.push(`    小标题“${toPlainText(node)}”也可能是另一篇稿件的主题（请核对）`);
    }
  });
  for (const line of report.unplaced) lines.push(`  未能归类 第${line.line}行：${line.text}`);
  for (const warning of report.warnings) lines.push(`  注意：${warning}`);
  return lines;
}
