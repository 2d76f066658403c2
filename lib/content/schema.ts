// The ProseMirror schema of the shared extension list, built once per process.
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';

import { contentExtensions } from './extensions';

let schema: Schema | null = null;

export function contentSchema(): Schema {
  schema ??= getSchema(contentExtensions());
  return schema;
}
