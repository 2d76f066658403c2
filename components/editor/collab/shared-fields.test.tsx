// The editor's form shows every plain-text field of the field list, under the list's label, as an
// input (a textarea for text that runs over lines): a field added to the list and left out of the
// form fails here.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { FIELDS_MAP } from '@/lib/collab/article-doc';
import { ARTICLE_FIELDS, ARTICLE_TEXT_FIELDS } from '@/lib/content/fields';
import { ProofingLists } from '@/lib/proofing/check';
import { DEFAULT_LISTS } from '@/lib/proofing/lists';

import { replaceInText } from './field-proofing';
import { SharedFields } from './shared-fields';

const lists = new ProofingLists(DEFAULT_LISTS);

/** Each label of the form with the control it names. */
function controls(published: boolean): { label: string; control: string }[] {
  const html = renderToStaticMarkup(
    <SharedFields doc={new Y.Doc()} readOnly={false} people={[]} published={published} proofing={null} />,
  );
  // A field the check reads has its control inside the underlines' box (spans) within the label.
  return [...html.matchAll(/<label[^>]*>([^<]*)(?:<span[^>]*>|<\/span>)*<(input|textarea)\b/g)].map(
    ([, label, control]) => ({
      label: label!,
      control: control!,
    }),
  );
}

describe('the editor form', () => {
  it('has a labelled control for every plain-text field of the list', () => {
    const shown = controls(false);
    for (const key of ARTICLE_TEXT_FIELDS) {
      const { label, kind } = ARTICLE_FIELDS[key];
      const found = shown.filter((control) => control.label === label || control.label.startsWith(`${label}（`));
      expect(found, key).toHaveLength(1);
      expect(found[0]!.control, key).toBe(kind === 'lines' ? 'textarea' : 'input');
    }
    expect(shown).toHaveLength(ARTICLE_TEXT_FIELDS.length);
  });

  it('keeps the labels people know', () => {
    expect(controls(false).map((control) => control.label)).toEqual([
      '引题',
      '副题',
      '主题（必填）',
      '电头',
      '署名（按作者自动生成，可修改）',
      '摘要',
      '网址（拼音，发布后不再改变）',
    ]);
    expect(controls(true).at(-1)?.label).toBe('网址（已发布，不能修改）');
  });
});

describe('审校 on the fields', () => {
  it('underlines a hit in a one-line field, lists it under the field with 替换 and 忽略, and replaces it in the shared text', () => {
    const doc = new Y.Doc();
    const headline = new Y.Text('台湾政府宣布师傅上门按装');
    doc.getMap(FIELDS_MAP).set('headline', headline);
    doc.getMap(FIELDS_MAP).set('dateline', new Y.Text('台湾政府'));
    const proofing = { lists, ignored: new Set<string>(), articleId: 'a1', editable: true, onIgnored: () => {} };
    const html = renderToStaticMarkup(
      <SharedFields doc={doc} readOnly={false} people={[]} published={false} proofing={proofing} />,
    );
    const field = html.slice(html.indexOf('data-testid="field-headline"'));
    expect(field).toMatch(/data-proofing="BLOCK">台湾政府<\/span>/);
    expect(field).toMatch(/data-proofing="WARN">按装<\/span>/);
    expect(field).toContain('替换为“安装”');
    expect(field).toContain('忽略');
    // 电头 is not a field the check reads.
    expect(html).not.toContain('data-testid="field-dateline"');

    const hit = lists.check(headline.toString()).find((each) => each.text === '按装')!;
    replaceInText(headline, hit);
    expect(headline.toString()).toBe('台湾政府宣布师傅上门安装');
    // Words that moved since the check are left alone.
    replaceInText(headline, hit);
    expect(headline.toString()).toBe('台湾政府宣布师傅上门安装');
  });

  it('leaves out what this story ignores', () => {
    const doc = new Y.Doc();
    doc.getMap(FIELDS_MAP).set('kicker', new Y.Text('师傅上门按装'));
    const ignored = new Set(['TYPO:按装']);
    const proofing = { lists, ignored, articleId: 'a1', editable: true, onIgnored: () => {} };
    const html = renderToStaticMarkup(
      <SharedFields doc={doc} readOnly={false} people={[]} published={false} proofing={proofing} />,
    );
    expect(html).not.toContain('data-proofing=');
  });

  it('keeps the same elements in a field the check reads before and after the lists arrive', () => {
    // React replaces an input whose place in the tree changes: the person typing in 引题 while the lists
    // load would lose the focus and the characters typed next (seen in e2e/editor.spec.ts on a loaded machine).
    const doc = new Y.Doc();
    doc.getMap(FIELDS_MAP).set('kicker', new Y.Text('美丽河湖'));
    const proofing = { lists, ignored: new Set<string>(), articleId: 'a1', editable: true, onIgnored: () => {} };
    const elements = (with_: typeof proofing | null) => {
      const html = renderToStaticMarkup(
        <SharedFields doc={doc} readOnly={false} people={[]} published={false} proofing={with_} />,
      );
      const field = html.slice(html.indexOf('data-testid="field-kicker"'));
      return [...field.slice(0, field.indexOf('</label>')).matchAll(/<\/?[a-z]+/g)].map(([tag]) => tag);
    };
    expect(elements(null)).toContain('<input');
    expect(elements(null)).toEqual(elements(proofing));
  });
});
