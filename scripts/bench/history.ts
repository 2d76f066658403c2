// npm run bench:history — how big one story's revision history gets. A 3,000-character
// story is written over about an hour: 500 autosaves in bursts with the pauses people make, by two
// people (the reporter, then an editor polishing it in review), a submit, two sign-offs (初审, 签发)
// and a publish, all through the real services against a fresh SQLite database. The same saves are
// written one revision per save (the behaviour before coalescing) into a second database as the
// baseline. Prints revisions kept and bytes stored for both, and the ratio. Target: ≤ 30 revisions, ≤ 1 MB.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

import type { Actor } from '../../lib/access/actor';
import { createArticle, saveArticle } from '../../lib/articles/editor-service';
import type { CleanArticleInput } from '../../lib/articles/schemas';
import { sqlitePathOf } from '../../lib/config/database';
import { doc, paragraph } from '../../lib/content/builders';
import { toPlainText } from '../../lib/content/plain-text';
import { countDocWords } from '../../lib/content/word-count';
import { createSqliteClient, type Db } from '../../lib/db-client';
import { approveArticle, publishArticle, submitArticle } from '../../lib/workflow/service';
import { prepare } from '../../server/prepare';
import { articleParagraphs, headline as makeHeadline, seededRandom } from '../../test/support/chinese-text';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench', 'history');
const SAVES = 500;
const BURSTS = 25;
const ARTICLE_CHARS = 3000;
const TARGET_REVISIONS = 30;
const TARGET_BYTES = 1024 * 1024;

type Save = { at: number; who: 'reporter' | 'editor'; chars: number };

/** When each autosave happens: bursts of typing (a save 2.5–4 s after each pause in typing), breaks of 20–80 s between bursts, four of 5–7 minutes. */
function schedule(random: () => number): Save[] {
  const saves: Save[] = [];
  const perBurst = SAVES / BURSTS;
  let at = 0;
  for (let burst = 0; burst < BURSTS; burst += 1) {
    if (burst > 0) at += burst % 6 === 0 ? 5 * 60_000 + random() * 120_000 : 20_000 + random() * 60_000;
    for (let i = 0; i < perBurst; i += 1) {
      at += 2_500 + random() * 1_500;
      const index = saves.length + 1;
      saves.push({ at, who: burst < 20 ? 'reporter' : 'editor', chars: Math.round((ARTICLE_CHARS * index) / SAVES) });
    }
  }
  return saves;
}

/** The story as typed so far: the first `chars` characters of the final text, in its paragraphs. */
function textSoFar(paragraphs: string[], chars: number): string[] {
  const out: string[] = [];
  let left = chars;
  for (const text of paragraphs) {
    if (left <= 0) break;
    out.push(text.slice(0, left));
    left -= text.length;
  }
  return out.length ? out : [''];
}

function articleInput(title: string, parts: string[], reporter: Actor): CleanArticleInput {
  return {
    kicker: null,
    headline: title,
    subheadline: null,
    dateline: '本报讯',
    byline: `记者 ${reporter.name}`,
    summary: null,
    slug: '',
    coverMediaId: null,
    authors: [{ userId: reporter.id, name: reporter.name, label: '记者' }],
    body: doc(...parts.map((text) => paragraph(text))),
  };
}

async function person(db: Db, name: string, role: Actor['role']): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${name}@bench.example`, name, role } });
  return { id: user.id, name: user.name, role };
}

async function freshDatabase(name: string) {
  const dataDir = path.join(BENCH_DIR, name);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const prepared = await prepare(
    { ...process.env, DATA_DIR: dataDir, DATABASE_URL: undefined, ADMIN_PASSWORD: 'Bench-root-pass-2026' },
    { loadSample: false },
  );
  const db = createSqliteClient(sqlitePathOf(prepared.database));
  const publication = await db.publication.create({
    data: {
      slug: 'bench',
      name: '今日柯城',
      publisher: '衢州市柯城区融媒体中心编印',
      hotline: '0570-0000000',
      address: '柯城区',
      postcode: '324000',
      reviewLevels: 2,
    },
  });
  return { db, sqlitePath: sqlitePathOf(prepared.database), publicationId: publication.id };
}

/** Bytes of the story's revisions: the text columns as stored (UTF-8), and the table's pages on disk. */
function measure(sqlitePath: string, articleId: string): { revisions: number; payload: number; pages: number } {
  const sqlite = new Database(sqlitePath, { readonly: true });
  try {
    const row = sqlite
      .prepare(
        `SELECT count(*) AS revisions, coalesce(sum(length(CAST(body AS BLOB)) + length(CAST("bodyText" AS BLOB)) + length(CAST(headline AS BLOB))
         + coalesce(length(CAST(kicker AS BLOB)), 0) + coalesce(length(CAST(subheadline AS BLOB)), 0) + coalesce(length(CAST(dateline AS BLOB)), 0)
         + coalesce(length(CAST(byline AS BLOB)), 0) + coalesce(length(CAST(summary AS BLOB)), 0)), 0) AS payload
       FROM "Revision" WHERE "articleId" = ?`,
      )
      .get(articleId) as { revisions: number; payload: number };
    const pages = sqlite
      .prepare(`SELECT coalesce(sum(pgsize), 0) AS bytes FROM dbstat WHERE name = 'Revision'`)
      .get() as { bytes: number };
    return { revisions: row.revisions, payload: row.payload, pages: pages.bytes };
  } finally {
    sqlite.close();
  }
}

async function main() {
  const random = seededRandom(21);
  const paragraphs = articleParagraphs(random, ARTICLE_CHARS);
  const title = makeHeadline(random);
  const saves = schedule(random);
  const start = Date.now();
  const at = (offset: number) => new Date(start + offset);

  // Coalesced history, through the services.
  const current = await freshDatabase('coalesced');
  const reporter = await person(current.db, '黄淑妍', 'REPORTER');
  const editor = await person(current.db, '楼郁馨', 'EDITOR');
  const chief = await person(current.db, '徐总编', 'CHIEF_EDITOR');
  const people = { reporter, editor };
  const { id } = await createArticle(current.db, reporter, current.publicationId);
  const began = performance.now();
  let version = 1;
  const submitAfter = saves.findIndex((save) => save.who === 'editor') - 1;
  for (const [index, save] of saves.entries()) {
    const outcome = await saveArticle(
      current.db,
      people[save.who],
      id,
      version,
      articleInput(title, textSoFar(paragraphs, save.chars), reporter),
      at(save.at),
    );
    if (!outcome.ok) throw new Error('unexpected conflict');
    version = outcome.version;
    if (index === submitAfter) await submitArticle(current.db, reporter, id, at(save.at + 30_000));
  }
  const end = saves.at(-1)!.at;
  await approveArticle(current.db, editor, id, '', at(end + 60_000));
  await approveArticle(current.db, chief, id, '', at(end + 10 * 60_000));
  await publishArticle(current.db, chief, id, null, at(end + 11 * 60_000));
  const seconds = (performance.now() - began) / 1000;
  const kept = await current.db.revision.findMany({
    where: { articleId: id },
    orderBy: { version: 'asc' },
    select: { kind: true, saves: true, bodyText: true },
  });
  const live = await current.db.article.findUniqueOrThrow({
    where: { id },
    include: { liveRevision: { select: { kind: true, bodyText: true } } },
  });
  await current.db.$disconnect();

  // Baseline: the same saves, one full revision row per content change (the behaviour before coalescing).
  const baseline = await freshDatabase('one-per-save');
  const baseReporter = await person(baseline.db, '黄淑妍', 'REPORTER');
  const baseArticle = await baseline.db.article.create({
    data: { publicationId: baseline.publicationId, slug: 'baseline', headline: '', body: '{}', bodyText: '' },
  });
  for (const [index, save] of saves.entries()) {
    const body = doc(...textSoFar(paragraphs, save.chars).map((text) => paragraph(text)));
    await baseline.db.revision.create({
      data: {
        articleId: baseArticle.id,
        version: index + 2,
        headline: title,
        dateline: '本报讯',
        byline: `记者 ${baseReporter.name}`,
        body: JSON.stringify(body),
        bodyText: toPlainText(body),
        wordCount: countDocWords(body),
        authorId: baseReporter.id,
        createdAt: at(save.at),
      },
    });
  }
  await baseline.db.$disconnect();

  const now = measure(current.sqlitePath, id);
  const before = measure(baseline.sqlitePath, baseArticle.id);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(3)} MB`;
  console.log(
    `bench:history — ${ARTICLE_CHARS} 字 story, ${SAVES} autosaves in ${BURSTS} bursts over ${Math.round(end / 60_000)} min by 2 people, submit, 初审, 签发, publish (${seconds.toFixed(1)} s through the services)`,
  );
  console.log(
    `final text: ${live.liveRevision?.bodyText.length ?? 0} characters; live revision kind ${live.liveRevision?.kind}`,
  );
  console.log(
    `kept revisions (oldest first): ${kept.map((revision) => `${revision.kind}×${revision.saves}`).join(', ')}`,
  );
  console.log('');
  console.log('| behaviour | revisions | revision text bytes | Revision table pages |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| one revision per save (before) | ${before.revisions} | ${mb(before.payload)} | ${mb(before.pages)} |`);
  console.log(`| coalesced (now) | ${now.revisions} | ${mb(now.payload)} | ${mb(now.pages)} |`);
  console.log(
    `| ratio now / before | ${(now.revisions / before.revisions).toFixed(3)} | ${(now.payload / before.payload).toFixed(3)} | ${(now.pages / before.pages).toFixed(3)} |`,
  );
  console.log('');
  const ok = now.revisions <= TARGET_REVISIONS && now.pages <= TARGET_BYTES;
  console.log(`target ≤ ${TARGET_REVISIONS} revisions and ≤ 1 MB: ${ok ? 'met' : 'NOT met'}`);
  fs.rmSync(BENCH_DIR, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
