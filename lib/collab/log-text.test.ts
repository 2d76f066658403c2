import { describe, expect, it } from 'vitest';

import { quoted, QUOTED_MAX_CHARS } from './log-text';

describe('quoted (client text in a log line)', () => {
  it('keeps an ordinary name readable, in quotes', () => {
    expect(quoted('story:ckabc123')).toBe('"story:ckabc123"');
    expect(quoted('稿件')).toBe('"稿件"');
  });

  it('never lets a newline or other control character start a forged line', () => {
    const forged = quoted('story:x\n[协同编辑] co-editing stored story:y\r\u0000\u001b[31m\u2028');
    expect(forged).not.toMatch(/[\n\r\u0000\u001b\u2028]/);
    expect(forged).toBe('"story:x\\n[协同编辑] co-editing stored story:y\\r\\u{0}\\u{1b}[31m\\u{2028}"');
  });

  it('escapes quotes and backslashes, so the quoted value cannot be closed early', () => {
    expect(quoted('a" ok "b\\')).toBe('"a\\" ok \\"b\\\\"');
  });

  it('escapes bidirectional overrides', () => {
    expect(quoted('a\u202eb')).toBe('"a\\u{202e}b"');
  });

  it('cuts a long name and says how much was left off', () => {
    const line = quoted('x'.repeat(10_000));
    expect(line).toBe(`"${'x'.repeat(QUOTED_MAX_CHARS)}"…(另有 ${10_000 - QUOTED_MAX_CHARS} 字符)`);
    // Escapes count toward the cut: a name of newlines stays as short.
    expect(quoted('\n'.repeat(10_000)).length).toBeLessThan(QUOTED_MAX_CHARS + 40);
  });

  it('cuts between characters, never inside a surrogate pair', () => {
    const line = quoted('😀'.repeat(500));
    expect(line).toContain('…(另有');
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
