// Bench mode for `npm run bench:newsroom`: when NEWSROOM_QUERY_LOG names a file, every SQL statement
// the client runs is appended to it as one JSON line (sql, params, ms), so the bench can tell which
// query of a page is slowest and EXPLAIN it. Unset (always, outside the bench), nothing is logged.
import fs from 'node:fs';

import type { Env } from './config/database';

export type LoggedQuery = { sql: string; params: string; ms: number };

type QueryEvent = { query: string; params: string; duration: number };
type QueryEvents = { $on(event: 'query', listener: (event: QueryEvent) => void): void };

export function queryLogFile(env: Env): string | undefined {
  return env.NEWSROOM_QUERY_LOG || undefined;
}

export function logQueriesTo<T extends QueryEvents>(client: T, file: string): T {
  client.$on('query', (event) => {
    const line: LoggedQuery = { sql: event.query, params: event.params, ms: event.duration };
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
  return client;
}
