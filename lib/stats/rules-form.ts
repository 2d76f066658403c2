// 考核设置's form (issue 34): the point rules as the form posts them, read into PointRules. Pure. Every
// value must be a number not below 0; a field that is not names itself in the message, so the chief
// editor sees which box to correct. The bands come as parallel lists (one entry per row of the form);
// a row left wholly empty is dropped (how a row is removed without a script), and the rows are kept in
// the order given: checkPointRules then refuses bands that do not start at 0 or do not rise.
import { checkPointRules, type PointRules } from './points';

export type RulesFormResult = { ok: true; rules: PointRules } | { ok: false; error: string };

/** The single numbers of the form, by field name, with the name the form shows. */
export const RULE_FIELDS = {
  perPhoto: '每张图片',
  frontPageBonus: '头版加分',
  leadBonus: '头条加分',
  perChannel: '每个渠道',
  feePerPoint: '每分稿费',
  feePerArticle: '每篇稿费',
  feePerThousandChars: '每千字稿费',
} as const satisfies Partial<Record<keyof PointRules, string>>;

/** The most rows a list may have: more is a forged form, not a newsroom's rules. */
export const MAX_RULE_ROWS = 20;

class FormProblem extends Error {}

function numberOf(raw: string, label: string): number {
  const text = raw.trim();
  if (text === '') throw new FormProblem(`请填写「${label}」`);
  // Full-width digits and point, as a Chinese input method may type them.
  const value = Number(text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (!Number.isFinite(value)) throw new FormProblem(`「${label}」应为数字：${text}`);
  if (value < 0) throw new FormProblem(`「${label}」不能为负数`);
  return value;
}

function wholeNumberOf(raw: string, label: string): number {
  const value = numberOf(raw, label);
  if (!Number.isInteger(value)) throw new FormProblem(`「${label}」应为整数：${raw.trim()}`);
  return value;
}

function texts(form: FormData, name: string): string[] {
  return form.getAll(name).map((value) => (typeof value === 'string' ? value : ''));
}

/** Rows of parallel lists; a row whose every box is empty is left out. */
function rows(form: FormData, names: readonly string[]): string[][] {
  const columns = names.map((name) => texts(form, name));
  const length = Math.max(...columns.map((column) => column.length));
  if (length > MAX_RULE_ROWS) throw new FormProblem(`档次最多 ${MAX_RULE_ROWS} 行`);
  return Array.from({ length }, (_, index) => columns.map((column) => column[index] ?? '')).filter((row) =>
    row.some((cell) => cell.trim() !== ''),
  );
}

export function pointRulesFromForm(form: FormData): RulesFormResult {
  try {
    const bands = rows(form, ['bandMinChars', 'bandPrint', 'bandWeb']).map(([minChars, print, web], index) => ({
      minChars: wholeNumberOf(minChars!, `第 ${index + 1} 档起始字数`),
      print: numberOf(print!, `第 ${index + 1} 档见报分`),
      web: numberOf(web!, `第 ${index + 1} 档网络分`),
    }));
    const reach = rows(form, ['reachMinReads', 'reachPoints']).map(([minReads, points], index) => ({
      minReads: wholeNumberOf(minReads!, `第 ${index + 1} 档阅读数`),
      points: numberOf(points!, `第 ${index + 1} 档阅读加分`),
    }));
    const single = Object.fromEntries(
      Object.entries(RULE_FIELDS).map(([name, label]) => [name, numberOf(texts(form, name)[0] ?? '', label)]),
    ) as Record<keyof typeof RULE_FIELDS, number>;
    if (bands.length === 0) return { ok: false, error: '至少要有一个字数档次' };
    return checkPointRules({ ...single, bands, reach });
  } catch (error) {
    if (error instanceof FormProblem) return { ok: false, error: error.message };
    throw error;
  }
}
