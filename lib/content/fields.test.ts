// The field list is the one place a story's fields are named: each reader of it (co-editing document,
// revisions, diff, import report, save validation) takes up a field added to it, and its limits are
// the ones a save enforces. The readers are loaded against a list changed here, so a reader that kept
// its own copy of the fields fails.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';

import { doc, paragraph } from './builders';
import type { FieldSpec } from './field-list';

type FieldList = Record<string, FieldSpec>;

/** The real list with `change` applied, and the modules that read it loaded fresh against that. */
async function withList(change: (list: FieldList) => FieldList) {
  vi.resetModules();
  vi.doMock('./field-list', async (importOriginal) => {
    const original = await importOriginal<typeof import('./field-list')>();
    return { ...original, ARTICLE_FIELDS: change({ ...original.ARTICLE_FIELDS }) };
  });
  return {
    fields: await import('./fields'),
    articleDoc: await import('../collab/article-doc'),
    content: await import('../revisions/content-fields'),
    diff: await import('../articles/diff'),
    schemas: await import('../articles/schemas'),
    draft: await import('../importer/draft'),
  };
}

afterEach(() => {
  vi.doUnmock('./field-list');
  vi.resetModules();
});

const LEAD: FieldSpec = { label: '导语', kind: 'lines', max: 500, required: false, printed: false };

describe('the field list', () => {
  it('names each field once, in its own words', async () => {
    const { ARTICLE_FIELDS, ARTICLE_FIELD_KEYS } = await import('./fields');
    const labels = ARTICLE_FIELD_KEYS.map((key) => ARTICLE_FIELDS[key].label);
    expect(labels).toEqual(['引题', '主题', '副题', '电头', '署名', '摘要', '网址', '正文']);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('gives each reader its set in the list order', async () => {
    const fields = await import('./fields');
    expect(fields.ARTICLE_TEXT_FIELDS).toEqual([
      'kicker',
      'headline',
      'subheadline',
      'dateline',
      'byline',
      'summary',
      'slug',
    ]);
    expect(fields.ARTICLE_CONTENT_FIELDS).toEqual([
      'kicker',
      'headline',
      'subheadline',
      'dateline',
      'byline',
      'summary',
      'body',
    ]);
    expect(fields.ARTICLE_DIFF_FIELDS).toEqual(['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'summary']);
    expect(fields.ARTICLE_PRINTED_FIELDS).toEqual(['kicker', 'headline', 'subheadline', 'dateline', 'byline']);
  });

  it('labels a form field with 必填 when it is required, else with the note given', async () => {
    const { fieldLabel } = await import('./fields');
    expect(fieldLabel('headline')).toBe('主题（必填）');
    expect(fieldLabel('byline', '按作者自动生成，可修改')).toBe('署名（按作者自动生成，可修改）');
    expect(fieldLabel('kicker')).toBe('引题');
  });
});

describe('a field added to the list', () => {
  it('is a shared text of the co-editing document, written and read back', async () => {
    const { articleDoc } = await withList((list) => ({ ...list, lead: LEAD }));
    const story = {
      kicker: '',
      headline: '柯城',
      subheadline: '',
      dateline: '',
      byline: '',
      summary: '',
      slug: '',
      lead: '导语一句',
      coverMediaId: null,
      authors: [],
      body: doc(paragraph('正文')),
    };
    const ydoc = new Y.Doc();
    articleDoc.writeArticleInto(ydoc, story);
    expect(ydoc.getMap(articleDoc.FIELDS_MAP).get('lead')).toBeInstanceOf(Y.Text);
    expect(articleDoc.readArticleDoc(ydoc)).toMatchObject({ lead: '导语一句', headline: '柯城' });
  });

  it('is part of a revision: a change to it alone is a change of content', async () => {
    const { content } = await withList((list) => ({ ...list, lead: LEAD }));
    const base = {
      kicker: null,
      headline: '柯城',
      subheadline: null,
      dateline: null,
      byline: null,
      summary: null,
      body: '{}',
    };
    expect(content.sameContent({ ...base, lead: '甲' } as typeof base, { ...base, lead: '乙' } as typeof base)).toBe(
      false,
    );
    expect(content.sameContent({ ...base, lead: '甲' } as typeof base, { ...base, lead: '甲' } as typeof base)).toBe(
      true,
    );
  });

  it('is compared between two revisions under its label', async () => {
    const { diff } = await withList((list) => ({ ...list, lead: LEAD }));
    const before = { kicker: null, headline: '柯城', subheadline: null, dateline: null, byline: null, summary: null };
    const changed = diff.diffFields(
      { ...before, lead: '旧导语' } as typeof before,
      { ...before, lead: '新导语' } as typeof before,
    );
    expect(changed.map((field) => field.label)).toEqual(['导语']);
  });

  it('is a field of the import report when the importer finds it in print, under its label', async () => {
    const { draft } = await withList((list) => ({ ...list, lead: { ...LEAD, printed: true } }));
    expect(draft.DRAFT_FIELDS).toEqual(['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'lead', 'page']);
    expect(draft.DRAFT_FIELDS.map(draft.draftFieldLabel)).toEqual([
      '引题',
      '主题',
      '副题',
      '电头',
      '署名',
      '导语',
      '版次',
    ]);
  });
});

/** A save's form with every field empty: each limit test fills in the one field it checks. */
const emptyForm = {
  kicker: '',
  headline: '',
  subheadline: '',
  dateline: '',
  byline: '',
  summary: '',
  slug: '',
  coverMediaId: null,
  authors: [],
  body: {},
};

describe('limits', () => {
  it('are the ones a save enforces, each said with its label', async () => {
    const { ARTICLE_FIELDS } = await import('./fields');
    const { articleInputSchema } = await import('../articles/schemas');
    for (const key of ['kicker', 'headline', 'subheadline', 'dateline', 'byline', 'summary'] as const) {
      const { max, label } = ARTICLE_FIELDS[key];
      expect(articleInputSchema.safeParse({ ...emptyForm, [key]: '字'.repeat(max) }).success, key).toBe(true);
      const over = articleInputSchema.safeParse({ ...emptyForm, [key]: '字'.repeat(max + 1) });
      expect(
        over.error?.issues.map((issue) => issue.message),
        key,
      ).toEqual([`${label}不能超过 ${max} 个字`]);
    }
    expect(
      articleInputSchema.safeParse({ ...emptyForm, slug: 'a'.repeat(ARTICLE_FIELDS.slug.max + 1) }).error?.issues[0]
        ?.message,
    ).toBe('网址太长');
  });

  it('follow the list when it changes: the save, the body check and the import report', async () => {
    const { schemas, draft } = await withList((list) => ({
      ...list,
      headline: { ...list.headline!, label: '标题', max: 5 },
      body: { ...list.body!, max: 100 },
    }));
    expect(schemas.articleInputSchema.safeParse({ ...emptyForm, headline: '五个字标题' }).success).toBe(true);
    expect(
      schemas.articleInputSchema.safeParse({ ...emptyForm, headline: '六个字的标题' }).error?.issues[0]?.message,
    ).toBe('标题不能超过 5 个字');
    const { validateDoc } = await import('./validate');
    expect(validateDoc(doc(paragraph('短')))).toMatchObject({ ok: true });
    expect(validateDoc(doc(paragraph('长'.repeat(100))))).toEqual({
      ok: false,
      error: '正文太长（超过 0.01 万字符），请拆分稿件',
    });
    const story = {
      key: 's0',
      line: 1,
      continuedOn: [],
      fields: { kicker: '', headline: '', subheadline: '', dateline: '', byline: '', page: '1' },
      check: [],
      blocks: [],
      areas: [],
    };
    const empty = {
      masthead: { number: '1', date: '2020-08-24', pageCount: '1' },
      check: [],
      publication: { name: '', publisher: '', hotline: '', address: null, postcode: null },
      pageNames: {},
      stories: [story],
      unplaced: [],
      warnings: [],
      pdfSha256: null,
    };
    expect(draft.needsBeforeSave(empty)).toEqual(['稿件1的标题']);
  });
});
