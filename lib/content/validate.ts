// Checking a body sent by the editor before it is saved: cleaned (sanitize.ts), then it must be a
// valid document of the shared schema. The cleaned form is what gets stored.
import { ARTICLE_FIELDS } from './fields';
import { sanitizeDoc } from './sanitize';
import { contentSchema } from './schema';
import type { Doc } from './types';

const MAX_BODY_CHARS = ARTICLE_FIELDS.body.max;

export type DocCheck = { ok: true; doc: Doc } | { ok: false; error: string };

export function validateDoc(input: unknown): DocCheck {
  if (!input || typeof input !== 'object' || (input as { type?: unknown }).type !== 'doc')
    return { ok: false, error: '正文格式无效' };
  if (JSON.stringify(input).length > MAX_BODY_CHARS)
    return {
      ok: false,
      error: `${ARTICLE_FIELDS.body.label}太长（超过 ${MAX_BODY_CHARS / 10_000} 万字符），请拆分稿件`,
    };
  const doc = sanitizeDoc(input);
  if (doc.content.length === 0) doc.content.push({ type: 'paragraph' });
  try {
    contentSchema().nodeFromJSON(doc).check();
  } catch {
    return { ok: false, error: '正文结构有误（例如表格不完整），请检查后再保存' };
  }
  return { ok: true, doc };
}
