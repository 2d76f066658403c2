// One name per concept (docs/architecture.md, Glossary): a word the glossary retires may not come back
// in an identifier or a file name. The list is read from the glossary's "Retired in code names" line,
// so the document and this test cannot disagree. Strings (stored keys, test ids, audit actions) and
// English prose in comments are not identifiers and are not checked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { nameWords, offences, retiredWords } from './support/glossary';

const ROOT = path.resolve(import.meta.dirname, '..');

function trackedSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter(
      (name) =>
        /\.(ts|tsx|mjs|js)$/.test(name) && !name.startsWith('lib/generated/') && !name.startsWith('prisma/migrations'),
    )
    .filter((name) => fs.existsSync(path.join(ROOT, name)));
}

describe('one name per concept', () => {
  it('splits names into words', () => {
    expect(nameWords('getArticleForEditor')).toEqual(['get', 'article', 'for', 'editor']);
    expect(nameWords('PDFPage')).toEqual(['pdf', 'page']);
    expect(nameWords('article-doc')).toEqual(['article', 'doc']);
    expect(nameWords('history')).toEqual(['history']);
  });

  it('finds a retired word in an identifier or a file name, not in a string or a longer word', () => {
    const source =
      "const storyId = 1; const note = 'story'; // a story\nconst history = storyId; const story = 2; const STORY = 3;";
    expect(offences([{ name: 'lib/x/story-doc.ts', source }], ['story'])).toEqual([
      'lib/x/story-doc.ts: file name',
      'lib/x/story-doc.ts: storyId',
      'lib/x/story-doc.ts: STORY',
    ]);
    expect(offences([{ name: 'lib/x/history.ts', source: 'const history = 1;' }], ['story'])).toEqual([]);
  });

  it('reads the retired words from the glossary', () => {
    expect(retiredWords('x\nRetired in code names: `story` (say article), `board` (say planner).\n')).toEqual([
      'story',
      'board',
    ]);
    expect(() => retiredWords('no list')).toThrow(/Retired in code names/);
  });

  it('no identifier or file name in the tree uses a retired word', () => {
    const retired = retiredWords(fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8'));
    expect(retired.length).toBeGreaterThan(0);
    const files = trackedSources().map((name) => ({ name, source: fs.readFileSync(path.join(ROOT, name), 'utf8') }));
    expect(offences(files, retired)).toEqual([]);
  });
});
