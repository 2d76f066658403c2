import { describe, expect, it } from 'vitest';

import { articleDocumentName } from './document-name';
import {
  articleCopyNames,
  confirmedCopies,
  copiesForeignTo,
  copyVerdict,
  MARK_PREFIX,
  markKey,
  marksOf,
  marksSettledBy,
  READ_MARGIN_MS,
  readMarks,
  unconfirmedArticles,
} from './local-copy-rules';

const A = articleDocumentName('clx0abc123def456ghi789jkl');
const B = articleDocumentName('clx0zzz999def456ghi789jkl');

describe('unconfirmed marks', () => {
  it('reads the marks and skips anything that is not one', () => {
    const marks = readMarks([
      [markKey(A, 'tab1'), '1000'],
      [markKey(B, 'tab2'), '2000'],
      ['other.key', '1'],
      [`${MARK_PREFIX}story:../etc|tab`, '1'],
      [`${MARK_PREFIX}${A}`, '1'],
      [`${MARK_PREFIX}${A}|`, '1'],
      [markKey(A, 'tab3'), 'soon'],
    ]);
    expect(marks).toEqual([
      { key: markKey(A, 'tab1'), documentName: A, tabId: 'tab1', changedAt: 1000 },
      { key: markKey(B, 'tab2'), documentName: B, tabId: 'tab2', changedAt: 2000 },
    ]);
  });

  it('counts each story once, however many tabs typed in it', () => {
    const marks = readMarks([
      [markKey(A, 't1'), '1'],
      [markKey(A, 't2'), '2'],
      [markKey(B, 't1'), '3'],
    ]);
    expect(unconfirmedArticles(marks)).toEqual([A, B].sort());
    expect(unconfirmedArticles([])).toEqual([]);
  });

  it('names the marks of one story, whichever tab set them', () => {
    const marks = readMarks([
      [markKey(A, 't1'), '1'],
      [markKey(A, 't2'), '2'],
      [markKey(B, 't1'), '3'],
    ]);
    expect(marksOf(marks, A)).toEqual([markKey(A, 't1'), markKey(A, 't2')]);
    expect(marksOf(marks, articleDocumentName('clx0nothing0here000000000'))).toEqual([]);
  });

  it('a confirmed tab settles its own mark and older ones it read, never newer typing of another tab', () => {
    const loadedAt = 100_000;
    const marks = readMarks([
      [markKey(A, 'me'), String(loadedAt + 50_000)],
      [markKey(A, 'closed-before-i-opened'), String(loadedAt - READ_MARGIN_MS - 1)],
      [markKey(A, 'typed-as-i-opened'), String(loadedAt - READ_MARGIN_MS + 1)],
      [markKey(A, 'typed-after'), String(loadedAt + 10)],
      [markKey(B, 'closed-before-i-opened'), '1'],
    ]);
    expect(marksSettledBy(marks, { documentName: A, tabId: 'me', loadedAt })).toEqual([
      markKey(A, 'me'),
      markKey(A, 'closed-before-i-opened'),
    ]);
  });
});

describe('which copies go', () => {
  it('keeps only story copies among the database names', () => {
    expect(articleCopyNames([A, 'other-db', undefined, B, A, 'story:x'])).toEqual([A, B].sort());
  });

  it('removes every copy on an account switch or with no recorded owner, none for the same person', () => {
    expect(copiesForeignTo('u2', 'u1', [A, B])).toEqual([A, B]);
    expect(copiesForeignTo('u2', null, [A])).toEqual([A]);
    expect(copiesForeignTo('u1', 'u1', [A, B])).toEqual([]);
  });

  it('copies without unconfirmed typing may go without asking', () => {
    const marks = readMarks([[markKey(A, 't1'), '1']]);
    expect(confirmedCopies([A, B], marks)).toEqual([B]);
    expect(confirmedCopies([A, B], [])).toEqual([A, B]);
  });
});

describe('a stored copy and the page’s document generation', () => {
  it('merges a copy of the same history, or an empty one', () => {
    expect(copyVerdict({ generation: 'g1', empty: false, unconfirmed: true }, 'g1')).toBe('use');
    expect(copyVerdict({ generation: undefined, empty: true, unconfirmed: false }, 'g1')).toBe('use');
  });

  it('replaces a copy of another history, or of no recorded one, and offers its unconfirmed typing back', () => {
    expect(copyVerdict({ generation: 'g0', empty: false, unconfirmed: false }, 'g1')).toBe('replace');
    expect(copyVerdict({ generation: 'g0', empty: false, unconfirmed: true }, 'g1')).toBe('offer-and-replace');
    expect(copyVerdict({ generation: undefined, empty: false, unconfirmed: false }, 'g1')).toBe('replace');
    expect(copyVerdict({ generation: 42, empty: false, unconfirmed: true }, 'g1')).toBe('offer-and-replace');
  });
});
