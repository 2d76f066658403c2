// The shipped lists are written as lines of "term→suggestion" under one source and level, which keeps
// each list readable as the newsroom's reference; this turns them into entries.
import type { ProofingEntry, ProofingKind, ProofingLevel } from '../kinds';

export function rows(kind: ProofingKind, level: ProofingLevel, source: string, lines: string): ProofingEntry[] {
  return lines
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [term = '', suggestion = ''] = line.split('→');
      return { kind, level, source, term: term.trim(), suggestion: suggestion.trim() };
    });
}
