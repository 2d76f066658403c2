// The check itself (pure, the same in the browser and on the server): one pass of the matcher over the
// folded text finds every listed term; a listed person's name is then looked at with the titles
// around it (titles.ts).
import { fold, foldTerm, originalRange } from './fold';
import { PROOFING_KIND_LABELS, type ProofingEntry, type ProofingKind, type ProofingLevel } from './kinds';
import { Matcher } from './matcher';
import { TitleRules } from './titles';

export type ProofingHit = {
  /** [start, end) in the checked text, as the person wrote it. */
  start: number;
  end: number;
  /** The words found, as written. */
  text: string;
  kind: ProofingKind;
  level: ProofingLevel;
  /** What to write instead ('' when the list gives nothing to replace it with). */
  suggestion: string;
  source: string;
  message: string;
  /** The entry: ignoring a hit ignores this entry in the story. */
  key: string;
};

export function entryKey(entry: Pick<ProofingEntry, 'kind' | 'term'>): string {
  return `${entry.kind}:${entry.term}`;
}

function messageFor(entry: ProofingEntry): string {
  const label = PROOFING_KIND_LABELS[entry.kind];
  if (entry.kind === 'TYPO') return `${label}：应为“${entry.suggestion}”`;
  if (!entry.suggestion) return `${label}：请核实后再用（${entry.source}）`;
  return `${label}：宜写作“${entry.suggestion}”（${entry.source}）`;
}

export class ProofingLists {
  private readonly matcher: Matcher;
  private readonly entries: ProofingEntry[];
  private readonly titles: TitleRules;

  constructor(entries: readonly ProofingEntry[]) {
    this.entries = entries.filter((entry) => foldTerm(entry.term).length > 0);
    this.matcher = new Matcher(this.entries.map((entry) => foldTerm(entry.term)));
    this.titles = new TitleRules(this.entries.filter((entry) => entry.kind === 'TITLE'));
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry a hit's key names (kind:term), as listed. */
  entry(key: string): ProofingEntry | undefined {
    return this.entries.find((entry) => entryKey(entry) === key);
  }

  /**
   * Every hit in one piece of text, in order of position; overlapping hits are all kept (最佳 and 最佳效果
   * may both be listed). `exempt` says which ranges the person marked as 引语.
   */
  check(text: string, exempt: (start: number, end: number) => boolean = () => false): ProofingHit[] {
    const folded = fold(text);
    const hits: ProofingHit[] = [];
    for (const match of this.matcher.search(folded.text)) {
      const entry = this.entries[match.pattern]!;
      const [start, end] = originalRange(folded, text, match.start, match.end);
      if (exempt(start, end)) continue;
      if (entry.kind === 'TITLE') {
        for (const problem of this.titles.problems(entry, folded.text, match.start, match.end)) {
          const [from, to] = originalRange(folded, text, problem.start, problem.end);
          hits.push({ ...base(entry, text, from, to), suggestion: problem.suggestion, message: problem.message });
        }
        continue;
      }
      hits.push({ ...base(entry, text, start, end), suggestion: entry.suggestion, message: messageFor(entry) });
    }
    return dedupe(hits).sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

function base(entry: ProofingEntry, text: string, start: number, end: number) {
  return {
    start,
    end,
    text: text.slice(start, end),
    kind: entry.kind,
    level: entry.level,
    source: entry.source,
    key: entryKey(entry),
  };
}

/** The same entry listed twice (a list and its import) underlines once. */
function dedupe(hits: ProofingHit[]): ProofingHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const id = `${hit.start}:${hit.end}:${hit.key}:${hit.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
