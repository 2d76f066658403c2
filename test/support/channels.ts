// The newsroom the channel tests start from: the sample newsroom with 微信公众号 and 微博 switched on,
// and a story of it signed off through 三审 and published.
import type { Db } from '../../lib/db-client';
import { ensureSearchIndex } from '../../lib/search/search-index';
import { publishArticle } from '../../lib/workflow/service';
import { articleInput, signedOffArticle } from './articles';
import { sampleNewsroom, type SampleNewsroom } from './newsroom';

export async function channelNewsroom(db: Db): Promise<SampleNewsroom> {
  const newsroom = await sampleNewsroom(db);
  await ensureSearchIndex(db);
  await db.publication.updateMany({ data: { wechatEnabled: true, weiboEnabled: true } });
  return newsroom;
}

/** A story signed off and, unless `publish` is false, published now; its id. */
export async function channelArticle(db: Db, newsroom: SampleNewsroom, headline: string, publish = true) {
  const id = await signedOffArticle(db, newsroom, articleInput(newsroom.reporter, '正文。', { headline }));
  if (publish) await publishArticle(db, newsroom.chief, id, null);
  return id;
}
