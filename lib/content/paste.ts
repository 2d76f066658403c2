// HTML pasted from Word, WPS, web pages and WeChat articles, cleaned before the editor parses it:
// styles, classes, fonts, Office markup and empty spans go; structure (paragraphs, headings, bold,
// lists, tables, links, images) stays for the shared schema to take. Text, including full-width
// punctuation, is left exactly as typed. String-based so it runs the same in tests and the browser.
const REMOVE_BLOCKS = /<(script|style|xml|head|title|meta|link|o:p|w:[a-z]+|m:[a-z]+|v:[a-z]+)\b[^>]*>[\s\S]*?<\/\1>/gi;
const REMOVE_SINGLE = /<\/?(meta|link|o:p|w:[a-z]+|m:[a-z]+|v:[a-z]+|xml)\b[^>]*\/?>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const OFFICE_CONDITIONALS = /<!\[(?:if|endif)[^\]]*\]>/gi;
const DROP_ATTRIBUTES =
  /\s(?:style|class|id|lang|align|valign|width|height|face|size|color|bgcolor|border|cellpadding|cellspacing|dir|data-[\w-]+|mso-[\w-]+|xmlns(?::\w+)?|on\w+)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;
const UNWRAP = /<\/?(span|font|section|article|div(?=[\s>])|center|ins|small|big)\b[^>]*>/gi;
const BOLD_SPAN = /<span\b[^>]*style\s*=\s*"[^"]*font-weight\s*:\s*(?:bold|[6-9]00)[^"]*"[^>]*>([\s\S]*?)<\/span>/gi;

export function cleanPastedHtml(html: string): string {
  let out = html
    .replace(COMMENTS, '')
    .replace(OFFICE_CONDITIONALS, '')
    .replace(REMOVE_BLOCKS, '')
    .replace(REMOVE_SINGLE, '');
  // WeChat and WPS mark bold with a styled span; keep it as bold before styles are dropped.
  out = out.replace(BOLD_SPAN, '<strong>$1</strong>');
  // WeChat wraps paragraphs in <section>; treat block wrappers as paragraph breaks.
  out = out.replace(/<section\b[^>]*>/gi, '<p>').replace(/<\/section>/gi, '</p>');
  out = out.replace(UNWRAP, '').replace(DROP_ATTRIBUTES, '');
  // Empty paragraphs that Word uses for spacing.
  out = out.replace(/<p>(?:\s|&nbsp;|\u00a0|<br\s*\/?>)*<\/p>/gi, '');
  // Nested <p><p> from unwrapped sections.
  out = out.replace(/<p>\s*<p>/gi, '<p>').replace(/<\/p>\s*<\/p>/gi, '</p>');
  return out.trim();
}
