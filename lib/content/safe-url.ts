// Which URLs may appear in a story: links to http, https and mailto only; images from our own
// media store or over http(s). Everything else (javascript:, data:, vbscript: …) is dropped.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/g;

function schemeOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(CONTROL_OR_SPACE, ''));
  return match ? match[1]!.toLowerCase() : null;
}

export function isSafeHref(url: string | null | undefined): boolean {
  if (!url) return false;
  const scheme = schemeOf(url);
  if (scheme === null) return url.startsWith('/') || url.startsWith('#');
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

export function isSafeImageSrc(src: string | null | undefined): boolean {
  if (!src) return false;
  if (src.startsWith('/media/')) return !src.includes('..');
  const scheme = schemeOf(src);
  return scheme === 'http' || scheme === 'https';
}
