// 审校词库 as the editor fetches it (app/api/newsroom/proofing-lists/[version]): every entry as a
// row of five, its source as an index into one list of sources (a few dozen sources serve 50,000
// entries; written out on each row they were most of the bytes). Pure: the route encodes, the browser
// decodes and checks what it got.
import { isProofingKind, isProofingLevel, type ProofingEntry, type ProofingKind, type ProofingLevel } from './kinds';

type WireRow = [kind: ProofingKind, term: string, suggestion: string, level: ProofingLevel, source: number];
export type ListsWire = { version: string; sources: string[]; entries: WireRow[] };

export function encodeLists(version: string, entries: readonly ProofingEntry[]): ListsWire {
  const sources: string[] = [];
  const index = new Map<string, number>();
  const rows = entries.map((entry): WireRow => {
    let at = index.get(entry.source);
    if (at === undefined) {
      at = sources.push(entry.source) - 1;
      index.set(entry.source, at);
    }
    return [entry.kind, entry.term, entry.suggestion, entry.level, at];
  });
  return { version, sources, entries: rows };
}

/** The entries of a fetched answer; null when it is not one (a proxy's error page, a half-read body). */
export function decodeLists(wire: unknown): ProofingEntry[] | null {
  if (!wire || typeof wire !== 'object') return null;
  const { sources, entries } = wire as Partial<Record<keyof ListsWire, unknown>>;
  if (!Array.isArray(sources) || !Array.isArray(entries)) return null;
  const out: ProofingEntry[] = [];
  for (const row of entries as unknown[]) {
    if (!Array.isArray(row) || row.length !== 5) return null;
    const [kind, term, suggestion, level, source] = row as unknown[];
    const sourceText: unknown = typeof source === 'number' ? sources[source] : undefined;
    if (typeof kind !== 'string' || !isProofingKind(kind) || typeof level !== 'string' || !isProofingLevel(level))
      return null;
    if (typeof term !== 'string' || typeof suggestion !== 'string' || typeof sourceText !== 'string') return null;
    out.push({ kind, term, suggestion, level, source: sourceText });
  }
  return out;
}
