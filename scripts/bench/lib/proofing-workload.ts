// bench:proofing's workload: a 20,000-character story made of the sample issue's own text (real
// copy, with the shipped lists' terms sprinkled in), and 50,000 entries: the shipped lists plus
// made-up two-to-four-character terms drawn from the characters of that text, so the automaton is as
// dense as a real newsroom list would make it.
import fs from 'node:fs';
import path from 'node:path';

import type { ProofingEntry } from '../../../lib/proofing/kinds';
import { DEFAULT_LISTS } from '../../../lib/proofing/lists';
import { SAMPLE_ISSUE_FILE } from '../../../seeds/sample-issue';

export const ARTICLE_CHARS = 20_000;
export const ENTRY_COUNT = 50_000;

export function sampleText(): string {
  return fs.readFileSync(path.resolve(import.meta.dirname, '../../../seeds', SAMPLE_ISSUE_FILE), 'utf8');
}

/** The story as paragraphs (one per line of the issue), cut at 20,000 characters. */
export function articleParagraphs(): string[] {
  const lines = sampleText()
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 10);
  const out: string[] = [];
  let total = 0;
  for (let i = 0; total < ARTICLE_CHARS; i += 1) {
    // Every tenth paragraph carries a listed term, so the check has hits to underline.
    const extra = i % 10 === 0 ? DEFAULT_LISTS[i % DEFAULT_LISTS.length]!.term : '';
    const line = (lines[i % lines.length]! + extra).slice(0, ARTICLE_CHARS - total);
    out.push(line);
    total += line.length;
  }
  return out;
}

export function benchEntries(): ProofingEntry[] {
  const chars = [...new Set([...sampleText()].filter((char) => /\p{Script=Han}/u.test(char)))];
  // A 32-bit LCG in integer arithmetic (a float product would lose bits and cycle early).
  let seed = 33;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 4294967296;
  };
  const terms = new Set(DEFAULT_LISTS.map((entry) => `${entry.kind}:${entry.term}`));
  const entries: ProofingEntry[] = [...DEFAULT_LISTS];
  while (entries.length < ENTRY_COUNT) {
    let term = '';
    const length = 2 + Math.floor(random() * 3);
    for (let i = 0; i < length; i += 1) term += chars[Math.floor(random() * chars.length)];
    if (terms.has(`TYPO:${term}`)) continue;
    terms.add(`TYPO:${term}`);
    entries.push({ kind: 'TYPO', term, suggestion: term, level: 'HINT', source: 'bench' });
  }
  return entries;
}
