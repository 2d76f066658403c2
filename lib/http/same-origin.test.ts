import { describe, expect, it } from 'vitest';

import { isCrossOriginWrite } from './same-origin';

const headers = (values: Record<string, string>) => new Headers(values);

describe('isCrossOriginWrite', () => {
  it('lets pages of this site write', () => {
    expect(isCrossOriginWrite('POST', headers({ origin: 'http://127.0.0.1:3112', host: '127.0.0.1:3112' }))).toBe(
      false,
    );
    expect(
      isCrossOriginWrite(
        'POST',
        headers({ origin: 'https://news.example', host: '127.0.0.1:3000', 'x-forwarded-host': 'news.example' }),
      ),
    ).toBe(false);
  });
  it('refuses writes from another origin, an opaque origin or a malformed one', () => {
    expect(isCrossOriginWrite('POST', headers({ origin: 'https://evil.example', host: '127.0.0.1:3112' }))).toBe(true);
    expect(isCrossOriginWrite('POST', headers({ origin: 'http://127.0.0.1:9999', host: '127.0.0.1:3112' }))).toBe(true);
    expect(isCrossOriginWrite('DELETE', headers({ origin: 'null', host: '127.0.0.1:3112' }))).toBe(true);
    expect(isCrossOriginWrite('POST', headers({ origin: 'not a url', host: '127.0.0.1:3112' }))).toBe(true);
  });
  it('leaves reads and requests without an Origin alone', () => {
    expect(isCrossOriginWrite('GET', headers({ origin: 'https://evil.example', host: 'a' }))).toBe(false);
    expect(isCrossOriginWrite('POST', headers({ host: 'a' }))).toBe(false);
  });
});
