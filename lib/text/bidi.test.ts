import { describe, expect, it } from 'vitest';

import { formText } from '../actions/form-fields';
import { articleInputSchema } from '../articles/schemas';
import { sanitizeDoc } from '../content/sanitize';
import { createAccountSchema, renameSchema } from '../users/schemas';
import { stripBidiControls } from './bidi';

const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const story = {
  kicker: '',
  headline: '',
  subheadline: '',
  dateline: '',
  byline: '',
  summary: '',
  slug: '',
  coverMediaId: null,
  authors: [],
  body: null,
};

describe('stripBidiControls', () => {
  it('removes every embedding, override and isolate control and nothing else', () => {
    for (const control of CONTROLS) expect(stripBidiControls(`记者二号${control}gnp.exe`)).toBe('记者二号gnp.exe');
    expect(stripBidiControls('柯城\u200B新闻 — “引号” ‘’ abc')).toBe('柯城\u200B新闻 — “引号” ‘’ abc');
  });
});

describe('text people type is stored without bidi controls', () => {
  it('in account names', () => {
    const created = createAccountSchema.parse({ name: '记者二号\u202Egnp.exe', email: 'a@b.cn', role: 'REPORTER' });
    expect(created.name).toBe('记者二号gnp.exe');
    expect(renameSchema.parse({ name: '\u2067张三\u2069' }).name).toBe('张三');
    expect(renameSchema.safeParse({ name: '\u202E' }).success).toBe(false);
  });
  it('in headlines, other story fields, authors and slugs', () => {
    const parsed = articleInputSchema.parse({
      ...story,
      headline: '柯城\u202E新闻',
      kicker: '\u202A引题',
      subheadline: '副题\u202C',
      byline: '本报记者 \u202D张三',
      summary: '摘\u2066要',
      dateline: '\u2068本报讯',
      slug: 'ke\u202Echeng',
      authors: [{ userId: null, name: '张\u202E三', label: '记\u2069者' }],
    });
    expect([
      parsed.headline,
      parsed.kicker,
      parsed.subheadline,
      parsed.byline,
      parsed.summary,
      parsed.dateline,
      parsed.slug,
    ]).toEqual(['柯城新闻', '引题', '副题', '本报记者 张三', '摘要', '本报讯', 'kecheng']);
    expect(parsed.authors[0]).toEqual({ userId: null, name: '张三', label: '记者' });
  });
  it('in form text (comments, notes, settings) and in the story body', () => {
    const form = new FormData();
    form.set('body', '意见\u202E见附件');
    expect(formText(form, 'body')).toBe('意见见附件');
    const doc = sanitizeDoc({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文\u202Etxt.exe' }] }],
    });
    expect(JSON.stringify(doc)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('imported text is stored without bidi controls', () => {
  it('in every encoding the importer reads', async () => {
    const { decodeImportFile } = await import('../importer/decode');
    const utf8 = decodeImportFile(new TextEncoder().encode('第1705期\n柯城\u202E新闻'));
    expect(utf8.ok && utf8.text).toBe('第1705期\n柯城新闻');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...'柯\u2066城'].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const decoded = decodeImportFile(utf16);
    expect(decoded.ok && decoded.text).toBe('柯城');
  });
});
