// npm run bench:wechat: the time to render a 3,000-character story with 5 images as 公众号 HTML and push
// it through the local double of the 公众号 API (5 content images by media/uploadimg, the cover by
// material/add_material, then draft/add), with the double answering at once (its own delay 0) and
// again with WECHAT_DOUBLE_DELAY_MS (default 200) to show what WeChat's latency adds. Target: < 2 s
// excluding the double's delays. Not yet measured: reading the images from MEDIA_DIR and converting
// them to JPEG, and the database writes (the push is not wired to the story page yet).
import { performance } from 'node:perf_hooks';

import { wechatArticle } from '../../lib/channels/wechat-html';
import { WechatClient } from '../../lib/channels/wechat/client';
import { doc, paragraph } from '../../lib/content/builders';
import type { DocNode } from '../../lib/content/types';
import type { ArticleView } from '../../lib/reader/types';
import { WechatDouble } from '../../test/support/wechat-double';

const RUNS = 20;
const SITE = 'https://news.example';
const IMAGE_BYTES = 300 * 1024;

function body(): DocNode {
  const sentence = '柯城区今年在老城区新建口袋公园十二处，市民出门五分钟就能走进绿地。';
  const parts: DocNode[] = [];
  for (let image = 0; image < 5; image++) {
    for (let i = 0; i < 4; i++) parts.push(paragraph(sentence.repeat(5)));
    parts.push({
      type: 'figure',
      attrs: {
        src: `/media/photo${image}/1600.webp`,
        alt: '公园',
        caption: `图${image + 1}`,
        mediaId: null,
        width: 1600,
        height: 1200,
      },
    });
  }
  return doc(...parts);
}

const view: ArticleView = {
  slug: 'bench',
  kicker: '城市更新',
  headline: '柯城新建口袋公园',
  subheadline: null,
  dateline: '本报讯',
  byline: '记者 甲',
  summary: '今年新增 12 处',
  teaser: '',
  bodyHtml: '',
  cover: null,
  authors: [],
  published: { at: new Date().toISOString(), dateOnly: false },
  modifiedAt: new Date().toISOString(),
  print: null,
  corrections: [],
  previousOnPage: null,
  nextOnPage: null,
  publication: { name: '今日柯城', publisher: '', hotline: '', address: '', postcode: '' },
};

async function run(delayMs: number): Promise<number[]> {
  const credentials = { appId: 'wxbench', secret: 'bench-secret' };
  const double = new WechatDouble({ ...credentials, delayMs });
  const base = await double.start();
  const client = new WechatClient(credentials, { base });
  const story = body();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const rendered = wechatArticle(view, story, SITE, { withHead: false });
      const jpeg = () => ({ bytes: new Uint8Array(IMAGE_BYTES), filename: 'a.jpg', mime: 'image/jpeg' as const });
      const uploaded = await Promise.all(rendered.images.map(() => client.uploadContentImage(jpeg())));
      let content = rendered.html;
      rendered.images.forEach((src, index) => (content = content.replaceAll(src, uploaded[index]!)));
      const cover = await client.addCover(jpeg());
      await client.addDraft({
        title: view.headline,
        author: view.byline ?? '',
        digest: view.summary ?? '',
        content,
        contentSourceUrl: rendered.sourceUrl,
        thumbMediaId: cover.mediaId,
      });
      times.push(performance.now() - started);
    }
  } finally {
    await double.stop();
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const delay = Number(process.env.WECHAT_DOUBLE_DELAY_MS ?? 200);
const text = body()
  .content!.flatMap((node) => node.content ?? [])
  .map((node) => node.text ?? '')
  .join('');
console.log(`story: ${text.length} characters, 5 images of ${IMAGE_BYTES / 1024} KB, ${RUNS} runs each`);
const quick = await run(0);
console.log(
  `double without delay: median ${median(quick).toFixed(1)} ms, slowest ${Math.max(...quick).toFixed(1)} ms (target < 2000 ms)`,
);
const slow = await run(delay);
// Three round trips in sequence (the images in parallel, the cover, the draft); the token is fetched once, in the first run.
console.log(
  `double answering after ${delay} ms: median ${median(slow).toFixed(1)} ms (${(median(slow) - 3 * delay).toFixed(1)} ms beyond 3 sequential delays)`,
);
