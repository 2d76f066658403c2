// The read beacon's endpoint (issue 34; docs/architecture.md, "Reads"), answered by the web server
// itself before Next: a read costs a few microseconds and no database work, and the nginx front's
// `location = /api/reads` passes it on uncached. Every answer is 204 (a robot or a repeat is simply not
// counted: the client learns nothing), private and uncached, and sets no cookie; nothing about the
// client is kept but the repeat filter's keyed hash (lib/reads/repeat-filter.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { isoDateIn } from '../lib/dates/time-zone';
import { createPrismaClient } from '../lib/db-client';
import { cacheControlFor } from '../lib/http/cache-policy';
import { clientIp } from '../lib/http/client-ip';
import { judgeBeacon, READ_BODY_MAX_BYTES, READS_PATH } from '../lib/reads/beacon';
import { isRobotUserAgent } from '../lib/reads/bots';
import { ReadCounter } from '../lib/reads/counter';
import { RepeatFilter } from '../lib/reads/repeat-filter';
import { writeReads } from '../lib/reads/store';

const NO_STORE = cacheControlFor('never');

export function isReadBeacon(request: { url?: string }): boolean {
  const url = request.url ?? '';
  return url === READS_PATH || url.startsWith(`${READS_PATH}?`);
}

/** The publication's day, worked out at most once a second (Intl formatting costs ~20 µs a call). */
function dayClock(): (now: number) => string {
  let second = -1;
  let day = '';
  return (now) => {
    const current = Math.floor(now / 1000);
    if (current !== second) {
      day = isoDateIn(new Date(now));
      second = current;
    }
    return day;
  };
}

function answer(response: ServerResponse, status: number, message?: string): void {
  response.writeHead(status, {
    'Cache-Control': NO_STORE,
    'X-Content-Type-Options': 'nosniff',
    ...(message ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}),
  });
  response.end(message);
}

export type ReadsEndpoint = {
  handle: (request: IncomingMessage, response: ServerResponse) => void;
  /** Writes what is pending; the server calls it before it exits. */
  stop: () => Promise<void>;
};

export function readsEndpoint(): ReadsEndpoint {
  const db = createPrismaClient();
  const dayOf = dayClock();
  const counter = new ReadCounter({ write: async (entries) => void (await writeReads(db, entries)) });
  const repeats = new RepeatFilter({ dayOf });
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    let tooLong = false;
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      if (tooLong) return;
      body += chunk;
      if (body.length > READ_BODY_MAX_BYTES) tooLong = true;
    });
    request.on('end', () => {
      if (tooLong) return answer(response, 413, '请求内容过长');
      const verdict = judgeBeacon(request.method ?? 'GET', body, request.url);
      if (verdict.kind === 'refused') return answer(response, verdict.status, verdict.message);
      const userAgent = request.headers['user-agent'] ?? '';
      if (!isRobotUserAgent(userAgent)) {
        const now = Date.now();
        const address = clientIp({ get: (name) => headerValue(request.headers[name]) });
        // One client's repeat counts once whichever channel it came by (a reader who opens the story in
        // the app and then on the website within 30 minutes is one read, of the first channel).
        if (!repeats.isRepeat(`${address}\n${userAgent}`, verdict.slug, now))
          counter.count(verdict.slug, dayOf(now), verdict.channel);
      }
      answer(response, 204);
    });
    request.on('error', () => answer(response, 400, '请求没有完成'));
  };
  return {
    handle,
    stop: async () => {
      await counter.stop();
      await db.$disconnect();
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
