// 审校词库 as CSV (export, edit in a spreadsheet, import): 类别,词条,建议,级别,来源 with the newsroom's
// Chinese labels. Reading is all or nothing: every malformed row is named by its line number and the
// import changes nothing. Pure.
import { toCsv } from '../audit/csv';
import {
  kindFromLabel,
  levelFromLabel,
  PROOFING_KIND_LABELS,
  PROOFING_LEVEL_LABELS,
  type ProofingEntry,
} from './kinds';

export const CSV_HEADER = ['类别', '词条', '建议', '级别', '来源'] as const;
/** Twice the 50,000 entries bench:proofing holds to its budget; past it a matcher rebuild and the editor's download grow too big. */
export const MAX_ENTRIES = 100_000;
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
const MAX_TERM = 50;
const MAX_TEXT = 300;
/** How many bad rows one message lists before it says "and N more". */
const LISTED_ERRORS = 20;

export function listsToCsv(entries: readonly ProofingEntry[]): string {
  return toCsv([
    CSV_HEADER,
    ...entries.map((entry) => [
      PROOFING_KIND_LABELS[entry.kind],
      entry.term,
      entry.suggestion,
      PROOFING_LEVEL_LABELS[entry.level],
      entry.source,
    ]),
  ]);
}

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. Each record keeps its first line number. */
function records(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = '';
      line += 1;
      start = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out.filter((record) => record.cells.some((value) => value.trim() !== ''));
}

/** The export prefixes a cell a spreadsheet would run as a formula with ' (lib/audit/csv.ts); reading takes it off. */
function unprotect(value: string): string {
  const trimmed = value.trim();
  return /^'[=+\-@]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

export type CsvResult = { ok: true; entries: ProofingEntry[] } | { ok: false; error: string };

export function parseListsCsv(input: string): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const all = records(text);
  const [header, ...rows] = all;
  if (!header || CSV_HEADER.some((name, index) => header.cells[index]?.trim() !== name))
    return { ok: false, error: `第一行应为表头：${CSV_HEADER.join(',')}` };
  if (rows.length > MAX_ENTRIES)
    return { ok: false, error: `词条太多：${rows.length} 条，审校词库最多 ${MAX_ENTRIES} 条` };
  const errors: string[] = [];
  const entries: ProofingEntry[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const [kindLabel = '', rawTerm = '', rawSuggestion = '', levelLabel = '', rawSource = ''] = cells.map(unprotect);
    const problems: string[] = [];
    const kind = kindFromLabel(kindLabel);
    const level = levelFromLabel(levelLabel);
    if (cells.length > CSV_HEADER.length) problems.push(`多了 ${cells.length - CSV_HEADER.length} 列`);
    if (!kind) problems.push(`类别“${kindLabel}”不是${Object.values(PROOFING_KIND_LABELS).join('、')}之一`);
    if (!rawTerm) problems.push('词条为空');
    else if (rawTerm.length > MAX_TERM) problems.push(`词条超过 ${MAX_TERM} 字`);
    if (!level) problems.push(`级别“${levelLabel}”不是提示、警告、禁止之一`);
    if (rawSuggestion.length > MAX_TEXT || rawSource.length > MAX_TEXT) problems.push(`建议或来源超过 ${MAX_TEXT} 字`);
    const key = `${kind}:${rawTerm}`;
    if (kind && rawTerm && seen.has(key)) problems.push(`与第 ${seen.get(key)} 行重复`);
    if (problems.length || !kind || !level) {
      errors.push(`第 ${line} 行：${problems.join('，')}`);
      continue;
    }
    seen.set(key, line);
    entries.push({ kind, term: rawTerm, suggestion: rawSuggestion, level, source: rawSource });
  }
  if (errors.length) {
    const more = errors.length > LISTED_ERRORS ? `；另有 ${errors.length - LISTED_ERRORS} 行有误` : '';
    return {
      ok: false,
      error: `没有导入，有 ${errors.length} 行有误：${errors.slice(0, LISTED_ERRORS).join('；')}${more}`,
    };
  }
  return { ok: true, entries };
}
