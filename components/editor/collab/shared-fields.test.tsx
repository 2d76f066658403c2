// The editor's form shows every plain-text field of the field list, under the list's label, as an
// input (a textarea for text that runs over lines): a field added to the list and left out of the
// form fails here.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';

import { ARTICLE_FIELDS, ARTICLE_TEXT_FIELDS } from '@/lib/content/fields';

import { SharedFields } from './shared-fields';

/** Each label of the form with the control it names. */
function controls(published: boolean): { label: string; control: string }[] {
  const html = renderToStaticMarkup(
    <SharedFields doc={new Y.Doc()} readOnly={false} people={[]} published={published} />,
  );
  return [...html.matchAll(/<label[^>]*>([^<]*)<(input|textarea)\b/g)].map(([, label, control]) => ({
    label: label!,
    control: control!,
  }));
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
