import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/support/database';
import { loadSampleIssue } from './load-sample';
import type { Doc, DocNode } from '../lib/content/types';

const db = openTestDatabase();

function nodeText(node: DocNode): string {
  return node.text ?? (node.content ?? []).map(nodeText).join('');
}

async function articleByHeadline(headline: string) {
  const article = await db.article.findFirstOrThrow({
    where: { headline },
    include: { authors: { orderBy: { position: 'asc' } }, placements: { include: { page: true } }, liveRevision: true },
  });
  return { ...article, doc: JSON.parse(article.body) as Doc };
}

beforeAll(async () => {
  const result = await loadSampleIssue(db);
  expect(result.created).toBe(true);
});

afterAll(() => db.$disconnect());

describe('the sample issue', () => {
  it('creates the publication with its masthead details', async () => {
    const publication = await db.publication.findUniqueOrThrow({ where: { slug: 'jinri-kecheng' } });
    expect(publication).toMatchObject({
      name: '今日柯城',
      publisher: '衢州市柯城区融媒体中心编印',
      hotline: '3049743',
      address: '衢州市荷三路28号',
      postcode: '324000',
      timeZone: 'Asia/Shanghai',
      reviewLevels: 3,
    });
  });

  it('creates issue 1705 of 2020-08-17 with four pages, published at midnight Shanghai time', async () => {
    const issue = await db.issue.findFirstOrThrow({ include: { pages: { orderBy: { number: 'asc' } } } });
    expect(issue).toMatchObject({ number: 1705, date: '2020-08-17', pageCount: 4, status: 'PUBLISHED' });
    expect(issue.publishAt?.toISOString()).toBe('2020-08-16T16:00:00.000Z');
    expect(issue.pages.map((page) => page.number)).toEqual([1, 2, 3, 4]);
  });

  it('loads exactly four stories, placed on page 1 in print order, the last continued on page 2', async () => {
    expect(await db.article.count()).toBe(4);
    const placements = await db.articlePlacement.findMany({
      include: { page: true, article: { select: { headline: true } } },
      orderBy: [{ page: { number: 'asc' } }, { position: 'asc' }],
    });
    expect(placements.map((p) => [p.page.number, p.position, p.isContinuation, p.article.headline])).toEqual([
      [1, 1, false, '现场会在柯城召开'],
      [1, 2, false, '柯城区人民医院干部职工大会召开'],
      [1, 3, false, '柯城区八届区委第十二轮巡察全部进驻！'],
      [1, 4, false, '柯城夺下“大禹鼎”'],
      [2, 1, true, '柯城夺下“大禹鼎”'],
    ]);
  });

  it('gives each story its kicker, headline, subheadline, dateline, byline and authors', async () => {
    const lead = await articleByHeadline('现场会在柯城召开');
    expect(lead).toMatchObject({
      kicker: '市域社会治理现代化·红色物业联盟治理篇',
      subheadline: null,
      dateline: '本报讯',
      byline: '衢报传媒集团记者 徐敏 本报记者 严嘉慧',
      status: 'PUBLISHED',
      version: 1,
    });
    expect(lead.authors.map((a) => [a.name, a.label])).toEqual([
      ['徐敏', '衢报传媒集团记者'],
      ['严嘉慧', '本报记者'],
    ]);

    const hospital = await articleByHeadline('柯城区人民医院干部职工大会召开');
    expect(hospital).toMatchObject({ kicker: '重新出发 重现辉煌 重振雄风', dateline: '本报讯', byline: '记者 楼郁馨' });

    const inspection = await articleByHeadline('柯城区八届区委第十二轮巡察全部进驻！');
    expect(inspection).toMatchObject({ kicker: null, subheadline: '电话邮箱公布', dateline: null, byline: null });
    expect(inspection.authors).toEqual([]);

    const award = await articleByHeadline('柯城夺下“大禹鼎”');
    expect(award).toMatchObject({ kicker: null, dateline: null, byline: '记者 黄淑妍 通讯员 闻凌世' });
    expect(award.authors.map((a) => [a.name, a.label])).toEqual([
      ['黄淑妍', '记者'],
      ['闻凌世', '通讯员'],
    ]);
  });

  it('rejoins paragraphs that the print columns split mid-sentence', async () => {
    const paragraphs = async (headline: string) =>
      (await articleByHeadline(headline)).doc.content.filter((n) => n.type === 'paragraph').map(nodeText);
    const lead = await paragraphs('现场会在柯城召开');
    expect(lead).toHaveLength(6);
    expect(lead[0]!.startsWith('8月14日上午，')).toBe(true); // dateline and byline are fields, not body text
    expect(lead.some((p) => p.includes('“周二无会日”'))).toBe(true);
    expect(lead.some((p) => p.includes('提供衢州实践、衢州标准、衢州样本。'))).toBe(true);
    expect((await paragraphs('柯城区人民医院干部职工大会召开')).some((p) => p.includes('带领所有干部职工'))).toBe(true);
    const inspection = await paragraphs('柯城区八届区委第十二轮巡察全部进驻！');
    expect(inspection.some((p) => p.includes('并巡察社区7个。目前'))).toBe(true);
    expect(inspection.some((p) => p.includes('促进基层党建组织和党员干部'))).toBe(true);
    expect((await paragraphs('柯城夺下“大禹鼎”')).some((p) => p.includes('（茗坑口至余东段）'))).toBe(true);
    // No paragraph of any story ends mid-sentence except the one continued on page 2.
    for (const headline of ['现场会在柯城召开', '柯城区人民医院干部职工大会召开']) {
      for (const text of await paragraphs(headline)) expect(text).toMatch(/[。！？”]$/);
    }
  });

  it('keeps the two subheadings and drops the print jump marker from the 大禹鼎 story', async () => {
    const award = await articleByHeadline('柯城夺下“大禹鼎”');
    const headings = award.doc.content.filter((n) => n.type === 'heading');
    expect(headings.map(nodeText)).toEqual(['治水治出美丽河湖', '治水治出柯城特色']);
    expect(headings.every((h) => h.attrs?.level === 2)).toBe(true);
    expect(award.bodyText).not.toContain('下转');
    expect(award.bodyText.trimEnd().endsWith('为了解决村民日常在河道洗衣')).toBe(true);
  });

  it('stores the 巡察组 contact table as a real table with a header row and every cell', async () => {
    const inspection = await articleByHeadline('柯城区八届区委第十二轮巡察全部进驻！');
    const table = inspection.doc.content.find((n) => n.type === 'table')!;
    const rows = table.content!.map((row) => row.content!.map((cell) => [cell.type, nodeText(cell)] as const));
    expect(rows).toHaveLength(6);
    expect(rows[0]!.map(([type]) => type)).toEqual(Array(5).fill('tableHeader'));
    expect(rows[0]!.map(([, text]) => text)).toEqual(['被巡察单位', '巡察组', '举报电话', '电子邮箱', '举报二维码']);
    expect(rows[1]!.map(([, text]) => text)).toEqual([
      '区财政局、区国资中心 (国资公司、绿创公司、建投公司)',
      '第一巡察组',
      '17357056135',
      'kcdyxcz@163.com',
      '',
    ]);
    expect(rows[5]!.map(([, text]) => text).slice(1, 4)).toEqual(['第五巡察组', '19957007860', 'tpxcdsz@163.com']);
    expect(rows.slice(1).every((row) => row.every(([type]) => type === 'tableCell'))).toBe(true);
    const last = inspection.doc.content.at(-1)!;
    expect(nodeText(last)).toBe('来信地址：衢州市荷三路28号一号楼521室(区委巡察办)收 邮编：324000');
  });

  it('publishes each story with a first revision that readers see', async () => {
    const articles = await db.article.findMany({ include: { liveRevision: true, revisions: true } });
    for (const article of articles) {
      expect(article.revisions).toHaveLength(1);
      expect(article.liveRevision?.id).toBe(article.revisions[0]!.id);
      expect(article.liveRevision?.headline).toBe(article.headline);
      expect(article.wordCount).toBeGreaterThan(100);
      expect(article.slug).toMatch(/^[a-z0-9-]+$/);
    }
    expect(new Set(articles.map((a) => a.slug)).size).toBe(4);
  });

  it('changes nothing when loaded a second time', async () => {
    const counts = async () => ({
      publications: await db.publication.count(),
      issues: await db.issue.count(),
      pages: await db.issuePage.count(),
      articles: await db.article.count(),
      placements: await db.articlePlacement.count(),
      revisions: await db.revision.count(),
      authors: await db.articleAuthor.count(),
      audit: await db.auditEvent.count(),
    });
    const before = await counts();
    const again = await loadSampleIssue(db);
    expect(again.created).toBe(false);
    expect(await counts()).toEqual(before);
    expect(before).toEqual({ publications: 1, issues: 1, pages: 4, articles: 4, placements: 5, revisions: 4, authors: 5, audit: 1 });
  });
});
