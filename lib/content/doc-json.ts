// A story body as stored: Tiptap JSON serialised into a string column. The pipeline validated and
// sanitised it before it was written (validate.ts, sanitize.ts), so reading it back is a parse.
import type { Doc } from './types';

export function parseDoc(serialised: string): Doc {
  return JSON.parse(serialised) as Doc;
}
