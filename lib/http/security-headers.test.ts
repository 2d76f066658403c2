import { describe, expect, it } from 'vitest';

import { areaOf, contentSecurityPolicy, staticSecurityHeaders } from './security-headers';

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce, never unsafe-inline', () => {
    const csp = contentSecurityPolicy('abc', { area: 'public', dev: false });
    const scripts = csp.split('; ').find((part) => part.startsWith('script-src'))!;
    expect(scripts).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(scripts).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
  });
  it('forbids framing the newsroom', () => {
    expect(contentSecurityPolicy('n', { area: 'newsroom', dev: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy('n', { area: 'public', dev: false })).toContain("frame-ancestors 'self'");
  });
  it('allows eval only in development', () => {
    expect(contentSecurityPolicy('n', { area: 'public', dev: true })).toContain("'unsafe-eval'");
  });
});

describe('areaOf', () => {
  it('classifies paths', () => {
    expect(areaOf('/newsroom')).toBe('newsroom');
    expect(areaOf('/newsroom/admin/users')).toBe('newsroom');
    expect(areaOf('/login')).toBe('newsroom');
    expect(areaOf('/invite/abc')).toBe('newsroom');
    expect(areaOf('/two-factor')).toBe('newsroom');
    expect(areaOf('/newsroomy')).toBe('public');
    expect(areaOf('/articles/x')).toBe('public');
  });
});

describe('staticSecurityHeaders', () => {
  it('sends HSTS only for an https site', () => {
    expect(staticSecurityHeaders('https://news.example')['Strict-Transport-Security']).toMatch(/max-age=31536000/);
    expect(staticSecurityHeaders('http://localhost:3000')['Strict-Transport-Security']).toBeUndefined();
    expect(staticSecurityHeaders(undefined)['X-Content-Type-Options']).toBe('nosniff');
  });
});
