// Absolute URLs for feeds, sitemaps, canonical links and OpenGraph: SITE_URL, or the local default.
export const DEFAULT_SITE_URL = 'http://localhost:3000';

export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const value = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  return value.replace(/\/+$/, '');
}

export function absoluteUrl(path: string, env: Record<string, string | undefined> = process.env): string {
  return `${siteUrl(env)}${path.startsWith('/') ? path : `/${path}`}`;
}
