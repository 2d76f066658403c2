// Security headers (pure). The CSP allows scripts only from this origin and with the request's nonce
// (Next adds it to its own inline scripts); 'strict-dynamic' lets those scripts load their chunks.
export type Area = 'newsroom' | 'public';

export function contentSecurityPolicy(nonce: string, options: { area: Area; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes come from React and the editor; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.area === 'newsroom' ? "'none'" : "'self'"}`,
  ].join('; ');
}

export function areaOf(pathname: string): Area {
  return /^\/(newsroom|login|invite|two-factor|api\/auth|api\/newsroom)(\/|$)/.test(pathname) ? 'newsroom' : 'public';
}

export function staticSecurityHeaders(siteUrl: string | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (siteUrl?.startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}
