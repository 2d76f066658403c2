import Link from 'next/link';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { getStoryHeading, listRevisions, revisionDiff } from '@/lib/articles/queries';
import { restoreRevisionAction } from '@/lib/articles/actions';
import { formatDateTime } from '@/lib/dates/format';
import { RestoreRevisionButton } from '@/components/editor/restore-revision-button';

export const metadata = { title: '历史版本' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}/history`;
  await requirePageUser('newsroom:enter', path);
  const [revisions, story] = await Promise.all([orPageDenied(listRevisions(id), path), orPageDenied(getStoryHeading(id), path)]);
  const query = await searchParams;
  const from = typeof query.from === 'string' ? query.from : revisions[1]?.id;
  const to = typeof query.to === 'string' ? query.to : revisions[0]?.id;
  const diff = from && to && from !== to ? await orPageDenied(revisionDiff(id, from, to), path) : null;
  return (
    <div className="space-y-6">
      <p><Link href={`/newsroom/articles/${id}`} className="text-sm underline">{story.mayEdit ? '← 返回编辑' : '← 返回稿件'}</Link></p>
      <h1 className="text-2xl font-bold">历史版本：{story.headline || '（无标题）'}</h1>
      <form className="flex flex-wrap items-end gap-3 text-sm" action={path}>
        <label>比较<select name="from" defaultValue={from} className="ml-1 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900">{revisions.map((r) => <option key={r.id} value={r.id}>第{r.version}版</option>)}</select></label>
        <label>和<select name="to" defaultValue={to} className="ml-1 rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900">{revisions.map((r) => <option key={r.id} value={r.id}>第{r.version}版</option>)}</select></label>
        <button type="submit" className="rounded border border-stone-400 px-3 py-1">比较</button>
      </form>
      {diff ? (
        <section aria-labelledby="diff-heading" className="rounded border border-stone-300 p-3 dark:border-stone-700">
          <h2 id="diff-heading" className="font-semibold">第{diff.from.version}版 → 第{diff.to.version}版</h2>
          <div className="mt-2 space-y-1 text-sm" data-testid="revision-diff">
            {diff.lines.map((line, index) => (
              <p key={index} className={line.op === 'add' ? 'bg-green-100 dark:bg-green-950' : line.op === 'del' ? 'bg-red-100 line-through dark:bg-red-950' : ''}>
                <span className="sr-only">{line.op === 'add' ? '新增：' : line.op === 'del' ? '删除：' : ''}</span>{line.text}
              </p>
            ))}
          </div>
        </section>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-400"><tr><th className="py-2">版本</th><th>时间</th><th>保存人</th><th>标题</th><th>字数变化</th><th></th></tr></thead>
        <tbody>
          {revisions.map((revision, index) => (
            <tr key={revision.id} className="border-b border-stone-200 dark:border-stone-800">
              <td className="py-2">第{revision.version}版{index === 0 ? '（当前）' : ''}</td>
              <td>{formatDateTime(new Date(revision.createdAt))}</td>
              <td>{revision.author}</td>
              <td>{revision.headline || '（无标题）'}</td>
              <td>{revision.change > 0 ? `+${revision.change}` : revision.change}</td>
              <td>{index > 0 && story.mayEdit ? <RestoreRevisionButton articleId={id} revisionId={revision.id} version={revision.version} currentVersion={story.version} restore={restoreRevisionAction} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
