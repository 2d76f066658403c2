// npm run bench:wechat: the time of 推送到草稿箱 for a 3,000-character story with 5 pictures (the cover
// and 4 in the body, 1600 × 1200 photos as the site stores them), end to end as the story page runs it
// (lib/channels/wechat/push.ts): reading the published copy from the database, rendering the 公众号
// HTML, reading the 5 WebP files from MEDIA_DIR and converting them to JPEG, 5 media/uploadimg and the
// cover's material/add_material, draft/add, and the ChannelSend record with its audit event, through
// the local double of the 公众号 API (test/support/wechat-double.ts) on a fresh data directory.
// 10 runs with the double answering at once, then 10 with WECHAT_DOUBLE_DELAY_MS (default 200) per
// answer, which adds 3 sequential round trips (the images in parallel, the cover, the draft).
// Target: < 2 s excluding the double's delays.
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { WechatClient } from '../../lib/channels/wechat/client';
import { CONTENT_IMAGE_LIMIT, COVER_IMAGE_LIMIT, loadWechatImage } from '../../lib/channels/wechat/images';
import { pushWechatDraft } from '../../lib/channels/wechat/push';
import { createClientFor } from '../../lib/db-client';
import { makeActor } from '../../test/support/users';
import { wechatReadyArticle } from '../../test/support/wechat-article';
import { WechatDouble } from '../../test/support/wechat-double';
import { freshBenchData } from './lib/fresh-data';

const RUNS = 10;
const TARGET_MS = 2000;
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DATA_DIR = path.join(ROOT, '.bench', 'wechat');
const credentials = { appId: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const prepared = await freshBenchData(DATA_DIR);
  const db = createClientFor(prepared.database);
  const mediaDir = path.join(prepared.dataDir, 'media');
  try {
    await db.publication.updateMany({ data: { wechatEnabled: true } });
    const desk = {
      publicationId: (await db.publication.findFirstOrThrow()).id,
      reporter: await makeActor(db, 'REPORTER', { name: '记者甲' }),
      editorA: await makeActor(db, 'EDITOR', { name: '编辑乙' }),
      editorB: await makeActor(db, 'EDITOR', { name: '编辑丙' }),
      chief: await makeActor(db, 'CHIEF_EDITOR', { name: '总编丁' }),
    };
    const sentence = '柯城区今年在老城区新建口袋公园十二处，市民出门五分钟就能走进绿地，老人和孩子都有了去处。';
    const paragraphs = Array.from({ length: 17 }, (_, index) => `（${index + 1}）${sentence.repeat(4)}`);
    const characters = paragraphs.join('').length;
    if (characters < 3000) throw new Error(`the story has ${characters} characters, fewer than 3,000`);
    const id = await wechatReadyArticle(db, desk, mediaDir, { headline: '柯城新建口袋公园', images: 4, paragraphs });
    const media = await db.media.findMany({ select: { storageKey: true }, orderBy: { createdAt: 'asc' } });
    const sizes = await Promise.all(
      media
        .slice(-5)
        .map((row, index) =>
          loadWechatImage(
            `/media/${row.storageKey}/1600.webp`,
            mediaDir,
            index === 0 ? COVER_IMAGE_LIMIT : CONTENT_IMAGE_LIMIT,
            '图片',
          ),
        ),
    );
    console.log(
      `story: ${characters} characters of text, 5 pictures 1600×1200 (JPEG for WeChat: ${sizes.map((image) => `${Math.round(image.bytes.length / 1024)} KB`).join(', ')}), ${RUNS} runs each`,
    );

    async function run(delayMs: number): Promise<number[]> {
      const double = new WechatDouble({ ...credentials, delayMs });
      const base = await double.start();
      const api = new WechatClient(credentials, { base });
      const times: number[] = [];
      try {
        // The first push fetches the access_token (one more round trip); the desk's pushes after it reuse it.
        await pushWechatDraft(db, desk.editorA, id, { api, mediaDir, site: 'https://news.example' });
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await pushWechatDraft(db, desk.editorA, id, { api, mediaDir, site: 'https://news.example' });
          times.push(performance.now() - started);
        }
        if (double.count('/cgi-bin/media/uploadimg') !== 5 * (RUNS + 1)) throw new Error('not 5 images per push');
      } finally {
        await double.stop();
      }
      return times;
    }

    const quick = await run(0);
    console.log(
      `double answering at once: median ${median(quick).toFixed(0)} ms, slowest ${Math.max(...quick).toFixed(0)} ms (target < ${TARGET_MS} ms): ${median(quick) < TARGET_MS ? 'met' : 'NOT met'}`,
    );
    const delay = Number(process.env.WECHAT_DOUBLE_DELAY_MS ?? 200);
    const slow = await run(delay);
    console.log(
      `double answering after ${delay} ms: median ${median(slow).toFixed(0)} ms, ${(median(slow) - 3 * delay).toFixed(0)} ms beyond its 3 sequential delays`,
    );
  } finally {
    await db.$disconnect();
  }
}

await main();
