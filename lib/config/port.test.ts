import net from 'node:net';
import { describe, expect, it } from 'vitest';

import { assertPortFree, resolveCollabPort, resolvePort } from './port';

describe('resolvePort', () => {
  it('defaults to 3000 and accepts a number', () => {
    expect(resolvePort({})).toBe(3000);
    expect(resolvePort({ PORT: '8080' })).toBe(8080);
  });

  it('refuses anything that is not a port', () => {
    for (const bad of ['abc', '0', '70000', '80.5', '-1']) {
      expect(() => resolvePort({ PORT: bad })).toThrow(/PORT/);
    }
  });
});

describe('resolveCollabPort', () => {
  it('follows the web server unless COLLAB_PORT says otherwise, and refuses a non-port', () => {
    expect(resolveCollabPort({})).toBe(3001);
    expect(resolveCollabPort({ PORT: '8080' })).toBe(8081);
    expect(resolveCollabPort({ PORT: '65535' })).toBe(65534);
    expect(resolveCollabPort({ PORT: '8080', COLLAB_PORT: '9400' })).toBe(9400);
    expect(() => resolveCollabPort({ COLLAB_PORT: 'ws' })).toThrow(/COLLAB_PORT/);
  });
});

describe('assertPortFree', () => {
  it('passes for a free port and names the fix for a busy one', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as net.AddressInfo).port;
    await expect(assertPortFree(port)).rejects.toThrow(`端口 ${port} 已被占用`);
    await new Promise((resolve) => server.close(resolve));
    await expect(assertPortFree(port)).resolves.toBeUndefined();
  });
});
