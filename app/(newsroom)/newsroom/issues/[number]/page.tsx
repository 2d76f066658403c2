import Link from 'next/link';
import { notFound } from 'next/navigation';

import { EpaperPanel } from '@/components/epaper/epaper-panel';
import { IssuePlanner } from '@/components/issues/issue-planner';
import { IssuePublish } from '@/components/issues/issue-publish';
import { can } from '@/lib/access/capabilities';
import { requirePageUser } from '@/lib/auth/require-user';
import { getIssueEpaper } from '@/lib/issues/epaper-queries';
import { getIssuePlanner } from '@/lib/issues/queries';
import { positiveInt } from '@/lib/reader/params';

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `第${(await params).number}期 版面` };
}

export default async function IssuePlannerPage({ params }: Props) {
  const number = positiveInt((await params).number);
  if (!number) notFound();
  const user = await requirePageUser('issue:plan', `/newsroom/issues/${number}`);
  const [planner, epaper] = await Promise.all([getIssuePlanner(number), getIssueEpaper(number)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">
            第{planner.number}期 · {planner.date}
          </h1>
          <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="issue-label">
            {planner.stateLabel}
          </p>
        </div>
        <Link className="underline" href={`/newsroom/issues/${planner.number}/preview/1`}>
          预览整期（读者视图）
        </Link>
      </div>
      <section
        aria-labelledby="publish-heading"
        className="space-y-2 rounded border border-stone-300 p-4 dark:border-stone-700"
      >
        <h2 id="publish-heading" className="text-lg font-semibold">
          发布
        </h2>
        <IssuePublish planner={planner} canPublish={can(user.role, 'issue:publish')} />
      </section>
      <IssuePlanner planner={planner} />
      <EpaperPanel epaper={epaper} canPublish={can(user.role, 'issue:publish')} />
    </div>
  );
}
