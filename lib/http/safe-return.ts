// Where to go after signing in: only a path on this site, never another origin (open redirect).
export function safeReturnPath(value: unknown, fallback = '/newsroom'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (/[\r\n]/.test(value) || value.startsWith('/login')) return fallback;
  return value;
}
