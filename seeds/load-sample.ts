// Loads the sample issue (第1705期) as a published issue of 今日柯城. Idempotent.
import type { Db } from '../lib/db-client';
import { loadStructuredIssue, type LoadResult } from '../lib/issues/load-structured';
import { sampleIssue } from './sample-issue';

export const SAMPLE_PUBLICATION_SLUG = 'jinri-kecheng';

export function loadSampleIssue(db: Db): Promise<LoadResult> {
  return loadStructuredIssue(db, sampleIssue, {
    publicationSlug: SAMPLE_PUBLICATION_SLUG,
    mode: { kind: 'published' },
    auditAction: 'issue.seed',
  });
}
