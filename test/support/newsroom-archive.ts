// Turns a generated reader archive (synthetic-archive.ts) into a working newsroom at archive scale:
// 500 accounts, every story credited to a reporter, stories at every workflow step (drafts, the review
// queue at each 三审 level with its sign-offs, returned, approved, scheduled, trash), a planning issue
// filled with approved stories, a story with a long revision history and 100,000 audit events.
// Plain prepared statements in one transaction, like the archive itself.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';

import { chainNext, GENESIS_HASH, type ChainLink } from '../../lib/audit/chain';
import { doc, paragraph as paragraphNode } from '../../lib/content/builders';
import { toPlainText } from '../../lib/content/plain-text';
import { countWords } from '../../lib/content/word-count';
import { instantAt, isoDateIn } from '../../lib/dates/time-zone';
import { refreshPlannerStatistics } from '../../lib/db-statistics';
import type { Role } from '../../lib/generated/prisma/enums';
import { articleParagraphs, headline, seededRandom } from './chinese-text';

export const BENCH_PASSWORD = 'bench-newsroom-password';
export const BENCH_EDITOR_EMAIL = 'editor@bench.example';
export const BENCH_REPORTER_EMAIL = 'reporter@bench.example';

/** What the bench opens: the two people it signs in as and the stories and issue it times. */
export type NewsroomFixture = {
  accounts: number;
  stories: number;
  auditEvents: number;
  reporterArticleId: string;
  historyArticleId: string;
  plannerIssue: number;
};

const DAY_MS = 86_400_000;
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林郑谢罗梁宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'敏嘉慧淑妍凌世霞一鸣畅思远晓峰建华国强秀英丽娟志明海燕玉兰德胜文静子涵雨轩梓萱浩然欣怡宇航佳琪俊杰雅婷',
];
const AUDIT_ACTIONS = [
  'article.create',
  'article.save',
  'article.submit',
  'article.approve',
  'article.return',
  'article.publish',
  'article.schedule',
  'article.trash',
  'article.restore',
  'issue.create',
  'issue.place',
  'issue.publish',
  'auth.sign-in',
  'auth.sign-in-failed',
  'user.create',
  'user.role',
];

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/** `scale` shrinks the stories in progress and the audit log for tests (1 = the bench's newsroom). */
export function addNewsroom(
  sqlitePath: string,
  passwordHash: string,
  options: { latestIssue: number; scale?: number },
  now = new Date(),
): NewsroomFixture {
  const scale = options.scale ?? 1;
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const sqlite = new Database(sqlitePath);
  const random = seededRandom(20261126);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const nowMs = now.getTime();
  const publication = sqlite.prepare('SELECT id FROM "Publication" ORDER BY "createdAt" LIMIT 1').get() as {
    id: string;
  };

  const insertUser = sqlite.prepare(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, active, "lastLoginAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertArticle = sqlite.prepare(
    `INSERT INTO "Article" (id, "publicationId", slug, headline, dateline, byline, body, "bodyText", "wordCount", status, "reviewLevel", "stepSince", "publishAt", "publishedAt", "liveRevisionId", version, "createdById", "updatedById", "createdAt", "updatedAt", "deletedAt", "deletedById")
     VALUES (?, ?, ?, ?, '本报讯', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRevision = sqlite.prepare(
    `INSERT INTO "Revision" (id, "articleId", version, headline, dateline, byline, body, "bodyText", "wordCount", "authorId", "createdAt") VALUES (?, ?, ?, ?, '本报讯', ?, ?, ?, ?, ?, ?)`,
  );
  const insertAuthor = sqlite.prepare(
    `INSERT INTO "ArticleAuthor" (id, "articleId", position, "userId", name, label) VALUES (?, ?, 1, ?, ?, '记者')`,
  );
  const insertSignoff = sqlite.prepare(
    `INSERT INTO "Signoff" (id, "articleId", level, "reviewerId", decision, "articleVersion", "createdAt") VALUES (?, ?, ?, ?, 'APPROVE', 1, ?)`,
  );
  const insertAudit = sqlite.prepare(
    `INSERT INTO "AuditEvent" (id, "actorId", action, "subjectType", "subjectId", details, ip, "createdAt", seq, "prevHash", hash)
     VALUES (@id, @actorId, @action, @subjectType, @subjectId, @details, @ip, @createdAt, @seq, @prevHash, @hash)`,
  );

  const people: { id: string; name: string; role: Role }[] = [];
  const byRole = (role: Role) => people.filter((person) => person.role === role);
  let fixture: NewsroomFixture | null = null;

  const fill = sqlite.transaction(() => {
    sqlite.pragma('defer_foreign_keys = ON');
    // 499 accounts beside the first admin: the two the bench signs in as, 398 more reporters, 80 editors, 15 chief editors, 4 admins.
    const roles: Role[] = [
      'EDITOR',
      'REPORTER',
      ...Array<Role>(398).fill('REPORTER'),
      ...Array<Role>(80).fill('EDITOR'),
      ...Array<Role>(15).fill('CHIEF_EDITOR'),
      ...Array<Role>(4).fill('ADMIN'),
    ];
    roles.forEach((role, index) => {
      const id = randomUUID();
      const name = `${pick(SURNAMES)}${pick(GIVEN)}${random() < 0.6 ? pick(GIVEN) : ''}`;
      const email =
        index === 0
          ? BENCH_EDITOR_EMAIL
          : index === 1
            ? BENCH_REPORTER_EMAIL
            : `${role.toLowerCase()}-${index}@bench.example`;
      // A few former staff are deactivated; the two bench accounts stay active.
      const active = index < 2 || random() > 0.04 ? 1 : 0;
      const created = iso(nowMs - Math.floor(random() * 3 * 365) * DAY_MS);
      insertUser.run(
        id,
        email,
        name,
        passwordHash,
        role,
        active,
        iso(nowMs - Math.floor(random() * 30) * DAY_MS),
        created,
        created,
      );
      people.push({ id, name, role });
    });
    const reporters = byRole('REPORTER');
    const benchEditor = people[0]!;
    const benchReporter = people[1]!;
    const editors = byRole('EDITOR');
    const chiefs = byRole('CHIEF_EDITOR');
    // The bench reporter is prolific (1 story in 100); the others share the rest.
    const creditTo = () => (random() < 0.01 ? benchReporter : pick(reporters));

    // Every archive story gets its reporter as creator and credited author.
    const archive = sqlite.prepare('SELECT id FROM "Article"').all() as { id: string }[];
    const setCreator = sqlite.prepare('UPDATE "Article" SET "createdById" = ?, "updatedById" = ? WHERE id = ?');
    const setAuthor = sqlite.prepare('UPDATE "ArticleAuthor" SET "userId" = ?, name = ? WHERE "articleId" = ?');
    for (const { id } of archive) {
      const reporter = creditTo();
      setCreator.run(reporter.id, reporter.id, id);
      setAuthor.run(reporter.id, reporter.name, id);
    }

    let serial = 0;
    const story = (spec: {
      status: string;
      reviewLevel?: number;
      author?: (typeof people)[number];
      ageDays: number;
      publishAtMs?: number;
      deleted?: boolean;
      versions?: number;
    }) => {
      serial += 1;
      const author = spec.author ?? creditTo();
      const id = randomUUID();
      const title = headline(random);
      const paragraphs = articleParagraphs(random, 400);
      const content = doc(...paragraphs.map((text) => paragraphNode(text)));
      const body = JSON.stringify(content);
      const bodyText = toPlainText(content);
      const words = countWords(bodyText);
      const created = nowMs - spec.ageDays * DAY_MS - Math.floor(random() * DAY_MS);
      const updated = Math.min(nowMs, created + Math.floor(random() * DAY_MS));
      const versions = spec.versions ?? 1;
      const live = spec.publishAtMs !== undefined;
      let liveRevisionId: string | null = null;
      for (let version = 1; version <= versions; version += 1) {
        const revisionId = randomUUID();
        insertRevision.run(
          revisionId,
          id,
          version,
          version === versions ? title : `${title}（第${version}稿）`,
          `记者 ${author.name}`,
          body,
          bodyText,
          words + version,
          author.id,
          iso(created + version * 60_000),
        );
        if (live) liveRevisionId = revisionId;
      }
      const deleted = spec.deleted ? iso(updated) : null;
      insertArticle.run(
        id,
        publication.id,
        `n${serial}`,
        title,
        `记者 ${author.name}`,
        body,
        bodyText,
        words,
        spec.status,
        spec.reviewLevel ?? 0,
        iso(updated),
        live ? iso(spec.publishAtMs!) : null,
        live ? iso(spec.publishAtMs!) : null,
        liveRevisionId,
        versions,
        author.id,
        author.id,
        iso(created),
        iso(updated),
        deleted,
        deleted ? pick(editors).id : null,
      );
      insertAuthor.run(randomUUID(), id, author.id, author.name);
      return id;
    };
    const signoffs = (articleId: string, levels: number, reviewers: (typeof people)[number][]) => {
      for (let level = 1; level <= levels; level += 1)
        insertSignoff.run(randomUUID(), articleId, level, reviewers[level - 1]!.id, iso(nowMs - DAY_MS));
    };
    // Two different editors for 初审 and 复审, a chief editor for 签发; the bench editor signs some 初审s,
    // so the queue must leave those out of its 复审 list.
    const signers = () => {
      const first = random() < 0.2 ? benchEditor : pick(editors);
      let second = pick(editors);
      while (second.id === first.id) second = pick(editors);
      return [first, second, pick(chiefs)];
    };

    for (let i = 0; i < count(1_500); i += 1) story({ status: 'DRAFT', ageDays: Math.floor(random() * 60) });
    for (let i = 0; i < count(1_200); i += 1) {
      const level = i % 6 < 3 ? 0 : i % 6 < 5 ? 1 : 2;
      signoffs(
        story({ status: 'SUBMITTED', reviewLevel: level, ageDays: Math.floor(random() * 30) }),
        level,
        signers(),
      );
    }
    for (let i = 0; i < count(300); i += 1) story({ status: 'RETURNED', ageDays: Math.floor(random() * 30) });
    const approved: string[] = [];
    // At least the 40 the planning issue holds.
    for (let i = 0; i < Math.max(40, count(400)); i += 1) {
      const id = story({ status: 'APPROVED', reviewLevel: 3, ageDays: Math.floor(random() * 20) });
      signoffs(id, 3, signers());
      approved.push(id);
    }
    for (let i = 0; i < count(150); i += 1) {
      const id = story({
        status: 'PUBLISHED',
        reviewLevel: 3,
        ageDays: Math.floor(random() * 10),
        publishAtMs: nowMs + (1 + Math.floor(random() * 30 * 24)) * 3_600_000,
      });
      signoffs(id, 3, signers());
    }
    for (let i = 0; i < count(2_000); i += 1)
      story({ status: pick(['DRAFT', 'RETURNED']), ageDays: Math.floor(random() * 365), deleted: true });
    // Editors write too: the bench editor has a few stories of their own.
    for (let i = 0; i < count(40); i += 1)
      story({
        status: pick(['DRAFT', 'APPROVED', 'RETURNED']),
        author: benchEditor,
        ageDays: Math.floor(random() * 90),
      });
    const reporterArticleId = story({ status: 'DRAFT', author: benchReporter, ageDays: 1, versions: 3 });
    const historyArticleId = story({ status: 'DRAFT', author: benchReporter, ageDays: 5, versions: 80 });

    // Next Monday's issue, being planned: four pages of ten approved stories each.
    const plannerIssue = options.latestIssue + 1;
    const nextDate = isoDateIn(new Date(instantAt(isoDateIn(now), '12:00').getTime() + 7 * DAY_MS));
    const issueId = randomUUID();
    sqlite
      .prepare(
        `INSERT INTO "Issue" (id, "publicationId", number, date, status, "pageCount", "createdById", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'PLANNING', 4, ?, ?, ?)`,
      )
      .run(issueId, publication.id, plannerIssue, nextDate, benchEditor.id, iso(nowMs), iso(nowMs));
    const insertPage = sqlite.prepare(`INSERT INTO "IssuePage" (id, "issueId", number, name) VALUES (?, ?, ?, ?)`);
    const insertPlacement = sqlite.prepare(
      `INSERT INTO "ArticlePlacement" (id, "articleId", "pageId", position, "isContinuation") VALUES (?, ?, ?, ?, 0)`,
    );
    ['要闻', '综合', '民生', '副刊'].forEach((name, index) => {
      const pageId = randomUUID();
      insertPage.run(pageId, issueId, index + 1, name);
      for (let position = 1; position <= 10; position += 1)
        insertPlacement.run(randomUUID(), approved[index * 10 + position - 1]!, pageId, position);
    });

    // 100,000 audit events over two years, oldest first, chained after the events already there
    // (the sample issue's, the first admin's) as recordAudit chains them.
    const AUDIT_EVENTS = count(100_000);
    const times = Array.from({ length: AUDIT_EVENTS }, () => nowMs - Math.floor(random() * 730 * DAY_MS)).sort(
      (a, b) => a - b,
    );
    let head: ChainLink = (sqlite.prepare('SELECT seq, hash FROM "AuditEvent" ORDER BY seq DESC LIMIT 1').get() as
      ChainLink | undefined) ?? { seq: 0, hash: GENESIS_HASH };
    for (const time of times) {
      const action = pick(AUDIT_ACTIONS);
      const actor = action === 'auth.sign-in-failed' ? null : pick(people);
      const subjectType = action.startsWith('article') ? 'Article' : action.startsWith('issue') ? 'Issue' : 'User';
      const event = chainNext(head, {
        createdAt: new Date(time),
        actorId: actor?.id ?? null,
        action,
        subjectType,
        subjectId: randomUUID(),
        details: '{}',
        ip: `10.0.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`,
      });
      insertAudit.run({ ...event, id: randomUUID(), createdAt: iso(time) });
      head = event;
    }
    const stories = (sqlite.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n;
    fixture = {
      accounts: people.length + 1,
      stories,
      auditEvents: AUDIT_EVENTS,
      reporterArticleId,
      historyArticleId,
      plannerIssue,
    };
  });
  fill();
  // What start-up does (server/prepare.ts): planner statistics for the new rows.
  refreshPlannerStatistics(sqlite);
  sqlite.close();
  return fixture!;
}
