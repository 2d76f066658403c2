import Link from 'next/link';

import { ArticleTable } from '@/components/newsroom/article-table';
import { ActionForm } from '@/components/ui/action-form';
import { buttonClass } from '@/components/ui/button-class';
import { pageParam } from '@/components/ui/pager';
import { ReviewQueue } from '@/components/workflow/review-queue';
import { can, ROLE_LABELS } from '@/lib/access/capabilities';
import { createArticleAction } from '@/lib/articles/actions';
import { listMyArticles, listRecentlyPublished, listScheduledArticles, myArticleCounts } from '@/lib/articles/queries';
import { requirePageUser } from '@/lib/auth/require-user';
import { CHANNEL_FILTERS, channelFilterOf } from '@/lib/channels/list';
import { CHANNEL_LABELS } from '@/lib/channels/rules';
import { issueStateLabel } from '@/lib/issues/issue-state';
import { listUpcomingIssues } from '@/lib/issues/queries';
import { listReviewQueue } from '@/lib/workflow/review-queue';
import { ARTICLE_STATUS_LABELS } from '@/lib/workflow/status-labels';

export const metadata = { title: '工作台' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requirePageUser('newsroom:enter', '/newsroom');
  const params = await searchParams;
  const q = (typeof params.q === 'string' ? params.q.trim() : '').slice(0, 100) || undefined;
  const status =
    typeof params.status === 'string' && params.status in ARTICLE_STATUS_LABELS ? params.status : undefined;
  const channelFilter = channelFilterOf(params);
  const writes = can(user.role, 'article:create');
  const reviews = can(user.role, 'article:review');
  const [counts, mine, queue, upcoming, scheduled, published] = await Promise.all([
    writes ? myArticleCounts() : null,
    writes ? listMyArticles({ q, status, page: pageParam(params.mp) }) : null,
    reviews ? listReviewQueue({ q, page: pageParam(params.rp) }) : null,
    listUpcomingIssues(),
    listScheduledArticles({ q, page: pageParam(params.sp) }),
    listRecentlyPublished({ q, page: pageParam(params.pp), channel: channelFilter }),
  ]);
  const now = new Date();
  const href = (key: string) => (page: number) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (typeof value === 'string' && name !== key) query.set(name, value);
    query.set(key, String(page));
    return `/newsroom?${query}`;
  };

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">工作台</h1>
          <p className="mt-1 text-stone-600 dark:text-stone-400">
            {user.name}，你好。你的角色是{ROLE_LABELS[user.role]}。
          </p>
        </div>
        {writes ? <ActionForm action={createArticleAction} submitLabel="新建稿件" /> : null}
      </div>
      {params.notice === 'trashed' ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 px-3 py-2 text-sm dark:bg-green-950">
          稿件已移入回收站。需要时请编辑从回收站恢复。
        </p>
      ) : null}
      <form role="search" action="/newsroom" className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          按标题查找
          <input
            name="q"
            defaultValue={q}
            className="ml-2 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
          />
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          查找
        </button>
      </form>

      {mine && counts ? (
        <section aria-labelledby="mine-heading" className="space-y-2">
          <h2 id="mine-heading" className="text-lg font-semibold">
            我的稿件
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            <li>
              <Link href="/newsroom" className={`rounded border px-2 py-1 ${!status ? 'bg-stone-800 text-white' : ''}`}>
                全部
              </Link>
            </li>
            {Object.entries(ARTICLE_STATUS_LABELS).map(([key, label]) => (
              <li key={key}>
                <Link
                  href={`/newsroom?status=${key}`}
                  className={`rounded border px-2 py-1 ${status === key ? 'bg-stone-800 text-white' : ''}`}
                >
                  {key === 'PUBLISHED' ? '已发布或定时' : label} {counts[key] ?? 0}
                </Link>
              </li>
            ))}
          </ul>
          <ArticleTable
            caption="我的稿件"
            rows={mine.rows}
            page={pageParam(params.mp)}
            pageCount={mine.pageCount}
            href={href('mp')}
            empty="还没有稿件。点“新建稿件”开始写作。"
          />
        </section>
      ) : null}

      {queue ? (
        <section aria-labelledby="queue-heading" className="space-y-2">
          <h2 id="queue-heading" className="text-lg font-semibold">
            等我审核（{queue.total}）
          </h2>
          <ReviewQueue rows={queue.rows} page={pageParam(params.rp)} pageCount={queue.pageCount} href={href('rp')} />
        </section>
      ) : null}

      <section aria-labelledby="issues-heading" className="space-y-2">
        <h2 id="issues-heading" className="text-lg font-semibold">
          近期期次{' '}
          <Link href="/newsroom/issues" className="ml-2 text-sm font-normal underline">
            版面安排
          </Link>
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-sm text-stone-600 dark:text-stone-400">没有筹备中或已排期的期次。</p>
        ) : (
          <ul className="text-sm">
            {upcoming.map((issue) => (
              <li key={issue.id}>
                <Link className="underline" href={`/newsroom/issues/${issue.number}`}>
                  第{issue.number}期
                </Link>{' '}
                · {issue.date} · {issue.pageCount}版 · {issueStateLabel(issue, now)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="scheduled-heading" className="space-y-2">
        <h2 id="scheduled-heading" className="text-lg font-semibold">
          定时发布
        </h2>
        <ArticleTable
          caption="定时发布的稿件"
          rows={scheduled.rows}
          page={pageParam(params.sp)}
          pageCount={scheduled.pageCount}
          href={href('sp')}
          empty="没有定时发布的稿件。"
          showAuthor
          timeLabel="发布"
        />
      </section>

      <section aria-labelledby="published-heading" className="space-y-2">
        <h2 id="published-heading" className="text-lg font-semibold">
          最近发布
        </h2>
        {published.channels.length > 0 ? (
          <form action="/newsroom" aria-label="按渠道筛选" className="flex flex-wrap items-end gap-2 text-sm">
            {q ? <input type="hidden" name="q" value={q} /> : null}
            <label>
              渠道
              <select
                name="channel"
                defaultValue={channelFilter?.channel}
                className="ml-2 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
              >
                {published.channels.map((channel) => (
                  <option key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              状态
              <select
                name="cs"
                defaultValue={channelFilter?.state}
                className="ml-2 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900"
              >
                {Object.entries(CHANNEL_FILTERS).map(([key, label]) => (
                  <option key={key} value={key}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className={buttonClass('secondary')}>
              筛选
            </button>
            {channelFilter ? (
              <Link href={q ? `/newsroom?q=${encodeURIComponent(q)}` : '/newsroom'} className="underline">
                全部发布稿件
              </Link>
            ) : null}
          </form>
        ) : null}
        <ArticleTable
          caption="最近发布"
          rows={published.rows}
          page={pageParam(params.pp)}
          pageCount={published.pageCount}
          href={href('pp')}
          empty={channelFilter ? '没有符合这个渠道筛选的稿件。' : '还没有发布的稿件。'}
          showAuthor
          timeLabel="发布"
          showChannels={published.channels.length > 0}
        />
      </section>

      {can(user.role, 'user:manage') ? (
        <section aria-labelledby="admin-links">
          <h2 id="admin-links" className="text-lg font-semibold">
            管理
          </h2>
          <ul className="mt-2 list-inside list-disc">
            <li>
              <Link className="underline" href="/newsroom/admin/users">
                账号管理
              </Link>
              ：创建账号、修改角色、停用与重置密码
            </li>
            <li>
              <Link className="underline" href="/newsroom/admin/audit">
                审计日志
              </Link>
              ：谁在什么时候做了什么
            </li>
            <li>
              <Link className="underline" href="/newsroom/admin/settings">
                报刊设置
              </Link>
              ：报头信息、审稿级数、出版日
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
