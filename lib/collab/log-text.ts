// Client-supplied text in a log line (a document name, an origin, a refusal detail). Printed as is,
// a newline in it forges a second line that looks like the server's own, and a 10 kB name makes a
// 10 kB line: every such value goes through quoted(), which escapes and cuts it.

/** Longest escaped text kept; longer text is cut and says how much was left off. */
export const QUOTED_MAX_CHARS = 120;

function escaped(char: string): string {
  if (char === '\\') return '\\\\';
  if (char === '"') return '\\"';
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  const code = char.codePointAt(0)!;
  // C0 and C1 controls, DEL, and the Unicode line/paragraph separators some log viewers break on;
  // bidirectional overrides, which can make a line read differently from what it holds.
  const invisible =
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069);
  if (invisible) return `\\u{${code.toString(16)}}`;
  return char;
}

/** The text in double quotes, control characters escaped, cut to QUOTED_MAX_CHARS with a marker. */
export function quoted(text: string): string {
  const chars = Array.from(text);
  let out = '';
  let used = 0;
  for (const char of chars) {
    const piece = escaped(char);
    if (out.length + piece.length > QUOTED_MAX_CHARS) break;
    out += piece;
    used += 1;
  }
  const left = chars.length - used;
  return left > 0 ? `"${out}"…(另有 ${left} 字符)` : `"${out}"`;
}
