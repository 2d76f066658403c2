// The fixture corpus on disk: each issue text in test/fixtures/import-corpus with its hand-checked
// expected structure (NAME.expected.json next to NAME.txt). Read by the corpus test and bench:import.
import fs from 'node:fs';
import path from 'node:path';

import type { ExpectedIssue } from './corpus-score';
import { decodeImportFile } from './decode';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/import-corpus');

export type CorpusEntry = { name: string; encoding: string; text: string; expected: ExpectedIssue };

export function readCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const decoded = decodeImportFile(fs.readFileSync(path.join(dir, name)));
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      const expected = JSON.parse(
        fs.readFileSync(path.join(dir, name.replace(/\.txt$/u, '.expected.json')), 'utf8'),
      ) as ExpectedIssue;
      return { name, encoding: decoded.encoding, text: decoded.text, expected };
    });
}
