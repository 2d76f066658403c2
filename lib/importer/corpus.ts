// The fixture corpora on disk, each file with its hand-checked expected structure next to it
// (NAME.expected.json): issue texts in test/fixtures/import-corpus (NAME.txt) and page PDFs in
// test/fixtures/import-pdf (NAME.pdf, made by scripts/make-import-pdfs.ts; a name with "-blind-" is
// in the blind set, never looked at while tuning the importer). Read by the corpus tests and bench:import.
import fs from 'node:fs';
import path from 'node:path';

import type { ExpectedIssue } from './corpus-score';
import { decodeImportFile } from './decode';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/import-corpus');
export const PDF_CORPUS_DIR = path.resolve(import.meta.dirname, '../../test/fixtures/import-pdf');

export type CorpusEntry = { name: string; encoding: string; text: string; expected: ExpectedIssue };

export function readCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const decoded = decodeImportFile(fs.readFileSync(path.join(dir, name)));
      if (!decoded.ok) throw new Error(`${name}: ${decoded.error}`);
      return { name, encoding: decoded.encoding, text: decoded.text, expected: expectedFor(dir, name) };
    });
}

export type PdfCorpusEntry = { name: string; bytes: Uint8Array; expected: ExpectedIssue; blind: boolean };

function expectedFor(dir: string, name: string): ExpectedIssue {
  return JSON.parse(
    fs.readFileSync(path.join(dir, name.replace(/\.[a-z]+$/u, '.expected.json')), 'utf8'),
  ) as ExpectedIssue;
}

export function readPdfCorpus(dir = PDF_CORPUS_DIR): PdfCorpusEntry[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .map((name) => ({
      name,
      bytes: new Uint8Array(fs.readFileSync(path.join(dir, name))),
      expected: expectedFor(dir, name),
      blind: name.includes('-blind-'),
    }));
}
