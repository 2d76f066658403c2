// The reader site's e-paper read, cached and tagged like every reader read (lib/reader/queries.ts):
// an issue's publishing and a page's publishing expire it.
import 'server-only';

import { db } from '../db';
import { readEpaperPage } from '../epaper/reader';
import { cached } from './queries';
import { issueTag } from './tags';

export const getEpaperPage = (issue: number, page: number) =>
  cached(['epaper', issue, page], [issueTag(issue)], (now) => readEpaperPage(db, issue, page, now));
