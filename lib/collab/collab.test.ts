import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { doc, heading, paragraph, table } from '../content/builders';
import { validateDoc } from '../content/validate';
import { isEmptyArticleDoc, readArticleDoc, sharedText, writeArticleInto, type SharedArticle } from './article-doc';
import { articleDocumentName, articleIdOf } from './document-name';
import { MAX_MESSAGE_BYTES, messageTooLarge } from './limits';
import { shiftCaret, spliceBetween } from './text-splice';

const story = (): SharedArticle => ({
  kicker: '美丽河湖',
  headline: '柯城再夺“大禹鼎”',
  subheadline: '',
  dateline: '本报讯',
  byline: '记者 黄淑妍',
  summary: '',
  slug: 'ke-cheng-da-yu-ding',
  coverMediaId: null,
  authors: [{ userId: 'u1', name: '黄淑妍', label: '记者' }],
  body: doc(
    heading('治水十年'),
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: '全区 ' },
        { type: 'text', text: '12', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' 条河道完成整治。' },
      ],
    },
    table([
      ['河道', '长度'],
      ['石梁溪', '8 公里'],
    ]),
    paragraph('🌊 𠮷'),
  ),
});

describe('document names', () => {
  it('round-trips a story id and refuses anything else', () => {
    expect(articleIdOf(articleDocumentName('clx0abc123def456ghi789jkl'))).toBe('clx0abc123def456ghi789jkl');
    for (const name of [
      '',
      'story:',
      'story:../etc',
      'story:ABC',
      'page:clx0abc123def456ghi789jkl',
      'story:clx0abc123def456ghi789jkl/x',
      'story:a',
    ]) {
      expect(articleIdOf(name), name).toBeNull();
    }
  });
});

describe('message cap', () => {
  it('refuses a message above the cap only', () => {
    expect(messageTooLarge(MAX_MESSAGE_BYTES)).toBe(false);
    expect(messageTooLarge(MAX_MESSAGE_BYTES + 1)).toBe(true);
  });
});

describe('text splices', () => {
  it('finds the one stretch an input event changed', () => {
    expect(spliceBetween('柯城新闻', '柯城新闻')).toBeNull();
    expect(spliceBetween('柯城新闻', '柯城今日新闻')).toEqual({ index: 2, remove: 0, insert: '今日' });
    expect(spliceBetween('柯城今日新闻', '柯城新闻')).toEqual({ index: 2, remove: 2, insert: '' });
    expect(spliceBetween('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' });
    expect(spliceBetween('', '新')).toEqual({ index: 0, remove: 0, insert: '新' });
  });

  it('never splits a surrogate pair and counts in UTF-16 units as Yjs does', () => {
    // 𠮷 (U+20BB7) and 𠮸 (U+20BB8) share their high surrogate: a code-unit diff would keep half of it.
    expect(spliceBetween('a𠮷b', 'a𠮸b')).toEqual({ index: 1, remove: 2, insert: '𠮸' });
    expect(spliceBetween('😀x', '😀yx')).toEqual({ index: 2, remove: 0, insert: 'y' });
  });

  it('applied to shared text, keeps what another person typed at the same time', () => {
    const a = new Y.Doc();
    sharedText(a, 'headline').insert(0, '柯城新闻');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Each edits from the same value before hearing of the other (both offline, or in flight).
    const apply = (ydoc: Y.Doc, next: string) => {
      const text = sharedText(ydoc, 'headline');
      const splice = spliceBetween(text.toString(), next)!;
      ydoc.transact(() => {
        text.delete(splice.index, splice.remove);
        text.insert(splice.index, splice.insert);
      });
    };
    apply(a, '今日柯城新闻');
    apply(b, '柯城新闻速递');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(sharedText(a, 'headline').toString()).toBe('今日柯城新闻速递');
    expect(sharedText(b, 'headline').toString()).toBe('今日柯城新闻速递');
  });
});

describe('a caret under someone else’s change', () => {
  it('moves with text inserted or deleted before it and stays put for changes after it', () => {
    expect(shiftCaret(4, [{ insert: '今日' }])).toBe(6);
    expect(shiftCaret(4, [{ retain: 4 }, { insert: '速递' }])).toBe(4);
    expect(shiftCaret(4, [{ retain: 1 }, { delete: 2 }])).toBe(2);
    expect(shiftCaret(2, [{ retain: 1 }, { delete: 5 }])).toBe(1);
    expect(shiftCaret(4, [{ retain: 6 }, { delete: 2 }])).toBe(4);
    expect(shiftCaret(3, [{ delete: 1 }, { insert: 'ab' }])).toBe(4);
  });
});

describe('the shared story document', () => {
  it('holds the working copy exactly: fields, authors, body with marks, a table and astral characters', () => {
    const ydoc = new Y.Doc();
    expect(isEmptyArticleDoc(ydoc)).toBe(true);
    writeArticleInto(ydoc, story());
    expect(isEmptyArticleDoc(ydoc)).toBe(false);
    const read = readArticleDoc(ydoc);
    const checked = validateDoc(read.body);
    expect(checked.ok).toBe(true);
    expect(read).toEqual({ ...story(), body: checked.ok ? checked.doc : null });
    expect(JSON.stringify(read.body)).toContain('"marks":[{"type":"bold"}]');
  });

  it('survives a round trip through a stored update (what the database keeps)', () => {
    const ydoc = new Y.Doc();
    writeArticleInto(ydoc, story());
    const restored = new Y.Doc();
    Y.applyUpdate(restored, Y.encodeStateAsUpdate(ydoc));
    expect(readArticleDoc(restored)).toEqual(readArticleDoc(ydoc));
  });

  it('takes in a working copy changed outside it without losing what an offline client typed meanwhile', () => {
    const server = new Y.Doc();
    writeArticleInto(server, story());
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server));
    // Offline, a reporter adds a paragraph; meanwhile an editor restores a revision with a new headline.
    const mine = readArticleDoc(offline);
    writeArticleInto(offline, {
      ...mine,
      body: { ...mine.body, content: [...mine.body.content, paragraph('离线时写的一段。')] },
    });
    writeArticleInto(server, { ...story(), headline: '柯城再夺大禹鼎（恢复）' });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(offline));
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(server));
    const merged = readArticleDoc(server);
    expect(readArticleDoc(offline)).toEqual(merged);
    expect(merged.headline).toBe('柯城再夺大禹鼎（恢复）');
    const text = JSON.stringify(merged.body);
    expect(text.match(/离线时写的一段/g)).toHaveLength(1);
    expect(text.match(/治水十年/g)).toHaveLength(1);
  });

  it('treats values a client forged as absent, and drops body nodes the schema does not know', () => {
    const ydoc = new Y.Doc();
    writeArticleInto(ydoc, story());
    ydoc.transact(() => {
      const fields = ydoc.getMap('fields');
      fields.set('headline', 42);
      fields.set('authors', [
        { userId: 7, name: '冒名', label: '' },
        'x',
        { userId: null, name: '特约', label: '通讯员' },
      ]);
      fields.set('coverMediaId', { id: 'x' });
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(1)')]);
      ydoc.getXmlFragment('body').insert(0, [script]);
    });
    const read = readArticleDoc(ydoc);
    expect(read.headline).toBe('');
    expect(read.authors).toEqual([{ userId: null, name: '特约', label: '通讯员' }]);
    expect(read.coverMediaId).toBeNull();
    expect(JSON.stringify(read.body)).not.toContain('script');
    expect(JSON.stringify(read.body)).not.toContain('alert');
    expect(validateDoc(read.body).ok).toBe(true);
  });
});
