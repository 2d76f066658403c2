// 人名职务: a listed person's name next to a title that is not theirs (李强总书记), or their titles
// written in another order than the listed one (国家主席、中共中央总书记习近平). The titles any listed
// person holds form the vocabulary the check recognises next to a name; a title it does not know is
// not judged.
import { foldTerm } from './fold';
import type { ProofingEntry } from './kinds';

type Holder = { ordered: string[]; accepted: Set<string>; display: string };
export type TitleProblem = { start: number; end: number; suggestion: string; message: string };

/** How far before a name titles are looked for (the longest chain of three titles with 、). */
const WINDOW = 40;
const SEPARATORS = new Set(['、', ',', '，']);

export function parseTitles(suggestion: string): { ordered: string[]; accepted: string[] } {
  const [orderedPart = '', acceptedPart = ''] = suggestion.split(/[；;]/);
  const split = (part: string) =>
    part
      .split('、')
      .map((title) => title.trim())
      .filter(Boolean);
  return { ordered: split(orderedPart), accepted: split(acceptedPart) };
}

export class TitleRules {
  private readonly holders = new Map<string, Holder>();
  /** Every known title, folded, longest first (so 中共中央总书记 wins over 总书记). */
  private readonly vocabulary: string[];

  constructor(entries: readonly ProofingEntry[]) {
    const all = new Set<string>();
    for (const entry of entries) {
      const { ordered, accepted } = parseTitles(entry.suggestion);
      const foldedOrdered = ordered.map(foldTerm);
      const holder = {
        ordered: foldedOrdered,
        accepted: new Set([...foldedOrdered, ...accepted.map(foldTerm)]),
        display: ordered.join('、'),
      };
      this.holders.set(foldTerm(entry.term), holder);
      for (const title of holder.accepted) all.add(title);
    }
    this.vocabulary = [...all].filter(Boolean).sort((a, b) => b.length - a.length);
  }

  private titleEndingAt(text: string, end: number): string | null {
    for (const title of this.vocabulary)
      if (end - title.length >= 0 && text.startsWith(title, end - title.length)) return title;
    return null;
  }

  private titleStartingAt(text: string, start: number): string | null {
    for (const title of this.vocabulary) if (text.startsWith(title, start)) return title;
    return null;
  }

  problems(entry: ProofingEntry, text: string, nameStart: number, nameEnd: number): TitleProblem[] {
    const holder = this.holders.get(foldTerm(entry.term));
    if (!holder) return [];
    const problems: TitleProblem[] = [];
    const wrong = (start: number, end: number, title: string): TitleProblem => ({
      start,
      end,
      suggestion: holder.display,
      message: `人名职务：“${title}”不是${entry.term}的职务，应为“${holder.display}”（${entry.source}）`,
    });
    // Titles written before the name, read backwards over 、.
    const before: { title: string; start: number }[] = [];
    let at = nameStart;
    while (at > nameStart - WINDOW) {
      const title = this.titleEndingAt(text, at);
      if (!title) break;
      before.unshift({ title, start: at - title.length });
      at -= title.length;
      if (at > 0 && SEPARATORS.has(text[at - 1]!)) at -= 1;
      else break;
    }
    for (const item of before)
      if (!holder.accepted.has(item.title))
        problems.push(wrong(item.start, item.start + item.title.length, item.title));
    const positions = before.map((item) => holder.ordered.indexOf(item.title)).filter((index) => index >= 0);
    if (positions.some((position, index) => index > 0 && position < positions[index - 1]!) && before.length) {
      problems.push({
        start: before[0]!.start,
        end: nameEnd,
        suggestion: holder.display,
        message: `人名职务：${entry.term}的职务顺序应为“${holder.display}”（${entry.source}）`,
      });
    }
    // A title right after the name (李强总书记).
    const after = this.titleStartingAt(text, nameEnd);
    if (after && !holder.accepted.has(after)) problems.push(wrong(nameEnd, nameEnd + after.length, after));
    return problems;
  }
}
