// Whether a text can be imported at all, and what the command line does about what is missing. Only
// a text with no recognisable issue structure (no masthead item, no page header, no story with a
// dateline or byline) is refused; anything else missing is asked for, never a reason to give up.
import type { StructuredIssue } from '../issues/structured';
import { findDate } from './issue-date';
import { structural } from './normalise';
import type { ImportReport } from './report';

export const NOT_AN_ISSUE = '这段文字看不出是一期报纸（没有报头、版面或稿件结构），无法导入';

export function refusal(issue: StructuredIssue, report: ImportReport): string | null {
  const structured =
    Object.keys(report.masthead).some((name) =>
      ['date', 'number', 'publisher', 'pageCount', 'hotline', 'lunar'].includes(name),
    ) ||
    issue.pages.some((page) => page.name) ||
    issue.stories.some((story) => story.dateline || story.byline);
  return structured ? null : NOT_AN_ISSUE;
}

/** --number 1706 / --date 2020-08-24 (or 2020年8月24日) on the command line. */
export function readOverrides(args: string[]): { number?: number; date?: string; errors: string[] } {
  const errors: string[] = [];
  const value = (name: string) => {
    const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
    if (index < 0) return undefined;
    const arg = args[index]!;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  };
  const result: { number?: number; date?: string; errors: string[] } = { errors };
  const number = value('--number');
  if (number !== undefined) {
    if (/^\d{1,6}$/u.test(structural(number)) && Number(structural(number)) > 0)
      result.number = Number(structural(number));
    else errors.push(`--number 应为正整数，收到“${number}”`);
  }
  const date = value('--date');
  if (date !== undefined) {
    const found = findDate(structural(date));
    if (found) result.date = found.iso;
    else errors.push(`--date 应为日期（如 2020-08-24），收到“${date}”`);
  }
  return result;
}

/** Arguments that are values of options, so that the file name is not mistaken for one. */
export function positionalArgs(args: string[]): string[] {
  return args.filter((arg, index) => !arg.startsWith('--') && !/^--(?:number|date)$/u.test(args[index - 1] ?? ''));
}

/** The opening words of a story without a headline, as a provisional headline for the command line. */
export function provisionalHeadline(firstParagraph: string): string {
  const sentence = firstParagraph.split(/[。！？，；]/u)[0] ?? '';
  return [...sentence].slice(0, 24).join('') || '无标题稿件';
}
