// 引语: words the person marks as a quotation (what someone said, as they said it). The 审校 check
// leaves listed terms inside it alone (lib/proofing/exempt.ts): a quote is not rewritten into house
// style. Stored as a mark in the body, so it survives saves, revisions and co-editing like bold does;
// readers get an unstyled <span data-quotation> (the text already carries its “” marks).
import { Mark, mergeAttributes } from '@tiptap/core';

export const QUOTATION_MARK = 'quotation';

export const Quotation = Mark.create({
  name: QUOTATION_MARK,
  parseHTML() {
    return [{ tag: 'span[data-quotation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-quotation': '' }), 0];
  },
});
