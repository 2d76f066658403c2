// Everything the edge does not answer itself (the newsroom, sign-in, the API, uploads, the read beacon,
// reader requests with a session) goes on to the app over its private socket (server/app-socket.ts),
// streamed both ways: a request body is not kept in memory, and a page Next streams reaches the
// browser as it is written. Connection-level headers stay on their own hop.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type http from 'node:http';

import { requestApp } from './app-socket';

// RFC 9110 §7.6.1's connection-specific fields, and Expect (the edge has already said 100 Continue).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

export const APP_UNREACHABLE = '服务器暂时无法响应，请稍后再试。';

export function passOn(
  request: IncomingMessage,
  response: ServerResponse,
  socketPath: string,
  agent: http.Agent,
): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  // Set when the reader went away first: the app's request is stopped on purpose, not failed.
  let abandoned = false;
  const upstream = requestApp(
    { socketPath, agent, method: request.method, path: request.url, headers },
    (answer) => {
      const out: string[] = [];
      const raw = answer.rawHeaders;
      for (let i = 0; i < raw.length; i += 2)
        if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
      response.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
      answer.on('error', () => response.destroy());
      answer.pipe(response);
    },
    (error) => {
      if (abandoned) return;
      if (response.headersSent) return void response.destroy();
      console.error('应用未能应答：', error.message);
      response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(APP_UNREACHABLE);
    },
    request,
  );
  // A reader or editor who goes away mid-answer: the app stops too.
  response.on('close', () => {
    if (response.writableFinished) return;
    abandoned = true;
    upstream.destroy();
  });
}
