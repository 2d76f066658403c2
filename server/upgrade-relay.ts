// The browser reaches the co-editing server at /collab on the site's own origin, with or without the
// nginx front: the web server (server/serve.ts) hands such WebSocket upgrades on to the co-editing
// process byte for byte. Same origin keeps the session cookie, the CSP's connect-src 'self' and one
// address to configure.
import type { IncomingMessage } from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export const COLLAB_PATH = '/collab';

export function isCollabUpgrade(url: string | undefined): boolean {
  return (
    url === COLLAB_PATH || Boolean(url?.startsWith(`${COLLAB_PATH}?`)) || Boolean(url?.startsWith(`${COLLAB_PATH}/`))
  );
}

/** The request head as it arrived, to replay to the co-editing server. */
export function requestHead(request: Pick<IncomingMessage, 'method' | 'url' | 'httpVersion' | 'rawHeaders'>): string {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let index = 0; index < request.rawHeaders.length; index += 2)
    lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

export function relayUpgrade(
  request: IncomingMessage,
  client: Duplex,
  head: Buffer,
  port: number,
  host = '127.0.0.1',
): void {
  const upstream = net.connect(port, host, () => {
    upstream.write(requestHead(request));
    if (head.length) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const end = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on('error', () => {
    if (client.writable)
      client.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    end();
  });
  client.on('error', end);
  client.on('close', end);
  upstream.on('close', end);
}
