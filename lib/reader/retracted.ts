// A retracted story's notice, for the proxy: it answers the article URL itself with 410 Gone (a page
// component cannot set its status), without a request to the app. One indexed lookup on a connection
// of its own (retracted-lookup-*.ts, one per database); the article page renders the same notice from
// the same data if this lookup fails.
import { resolveDatabase } from '../config/database';
import { postgresqlRetractedLookup } from './retracted-lookup-postgresql';
import { sqliteRetractedLookup } from './retracted-lookup-sqlite';
import type { RetractedArticle, RetractedLookup } from './retracted-row';

export type { RetractedArticle };

let lookup: RetractedLookup | null = null;

function openLookup(): RetractedLookup {
  const config = resolveDatabase(process.env);
  return config.kind === 'postgresql'
    ? postgresqlRetractedLookup(config.url)
    : sqliteRetractedLookup(config.sqlitePath);
}

/** The notice of a retracted, published story; null for every other slug (and when the lookup fails). */
export async function retractedArticle(slug: string): Promise<RetractedArticle | null> {
  try {
    lookup ??= openLookup();
    return await lookup(slug);
  } catch {
    // The page still shows the notice; only the status code would be 200 instead of 410.
    return null;
  }
}
