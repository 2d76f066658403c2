// Posts a large body as a hostile client would: declares its length, sends as fast as the server reads,
// and stops sending as soon as an answer arrives. `send` caps the bytes actually sent (a body "held one
// byte short" stays open until the server answers or `holdMs` passes).
import http from 'node:http';

export type PostOutcome = { status: number | null; ms: number; sentBytes: number; error?: string };

export function largePost(
  url: string,
  options: { declared: number; send?: number; headers?: Record<string, string>; holdMs?: number },
): Promise<PostOutcome> {
  const started = performance.now();
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const limit = Math.min(options.send ?? options.declared, options.declared);
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const finish = (status: number | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ status, ms: performance.now() - started, sentBytes: sent, error });
    };
    const request = http.request(url, {
      method: 'POST',
      headers: { ...options.headers, 'Content-Length': String(options.declared) },
    });
    const timer = setTimeout(() => finish(null, 'no answer'), options.holdMs ?? 60_000);
    request.on('response', (response) => {
      response.resume();
      finish(response.statusCode ?? null);
    });
    // A server that answers and closes while we still send resets the socket: the answer may already be here.
    request.on('error', (error) => setTimeout(() => finish(null, error.message), 50));
    const pump = () => {
      while (!settled && sent < limit) {
        const piece = chunk.subarray(0, Math.min(chunk.length, limit - sent));
        sent += piece.length;
        if (!request.write(piece)) {
          request.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}
