// Where to go after signing in: only a path on this site, never another origin (open redirect).
// The value is judged the way a browser will read it: after the URL parser has dropped tabs and
// newlines, turned backslashes into slashes and resolved dot segments. What is returned is that
// normalised path, so the check and the navigation can never disagree.
const BASE = 'http://return-path.invalid';

export function safeReturnPath(value: unknown, fallback = '/newsroom'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  // Control characters and backslashes have no place in a path we link to ourselves.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that starts with two slashes (after normalisation, e.g. "/.//x") is another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  // Encoded slashes or backslashes at the start survive one more decoding somewhere: refuse them.
  if (/^\/(%2f|%5c)/i.test(path)) return fallback;
  if (/^\/login(\/|\?|#|$)/.test(path)) return fallback;
  return path;
}
