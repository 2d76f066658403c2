import { describe, expect, it } from 'vitest';

import { doc, paragraph, table } from './builders';
import { validateDoc } from './validate';

describe('validateDoc', () => {
  it('accepts what the builders make', () => {
    const body = doc(
      paragraph('一'),
      table([
        ['甲', '乙'],
        ['1', '2'],
      ]),
    );
    expect(validateDoc(body)).toEqual({ ok: true, doc: body });
  });
  it('cleans unsafe parts and keeps the text', () => {
    const result = validateDoc({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: '点我', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }],
        },
      ],
    });
    expect(result).toEqual({ ok: true, doc: doc(paragraph('点我')) });
  });
  it('gives an empty document one empty paragraph', () => {
    expect(validateDoc({ type: 'doc', content: [] })).toEqual({ ok: true, doc: doc(paragraph()) });
  });
  it('refuses what is not a document or is broken', () => {
    expect(validateDoc('x')).toEqual({ ok: false, error: '正文格式无效' });
    expect(validateDoc({ type: 'doc', content: [{ type: 'tableRow', content: [] }] })).toMatchObject({ ok: false });
  });
});
