import Link from 'next/link';

import { NewIssueForm } from '@/components/issues/new-issue-form';
import { requirePageUser } from '@/lib/auth/require-user';
import { listPlannerIssues, newIssueProposal } from '@/lib/issues/queries';

export const metadata = { title: '版面安排' };

export default async function IssuesPage() {
  await requirePageUser('issue:plan', '/newsroom/issues');
  const [issues, proposal] = await Promise.all([listPlannerIssues(), newIssueProposal()]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold">版面安排</h1>
        <Link href="/newsroom/issues/import" className="underline">
          从排版文件导入一期
        </Link>
      </div>
      <section aria-labelledby="new-issue-heading" className="space-y-3">
        <h2 id="new-issue-heading" className="text-lg font-semibold">
          新建一期
        </h2>
        <NewIssueForm proposal={proposal} />
      </section>
      <section aria-labelledby="issues-heading" className="space-y-2">
        <h2 id="issues-heading" className="text-lg font-semibold">
          期次
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <caption className="sr-only">期次，最新的在前</caption>
            <thead className="border-b border-stone-400">
              <tr>
                <th className="py-1.5">期号</th>
                <th>出版日期</th>
                <th>版数</th>
                <th>稿件</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={issue.id} className="border-b border-stone-200 dark:border-stone-800">
                  <td className="py-1.5">
                    <Link className="underline" href={`/newsroom/issues/${issue.number}`}>
                      第{issue.number}期
                    </Link>
                  </td>
                  <td>{issue.date}</td>
                  <td>{issue.pageCount}</td>
                  <td>{issue.placements}</td>
                  <td>{issue.stateLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
