import Link from 'next/link';

import { RestoreRevisionButton } from '@/components/editor/restore-revision-button';
import { RevisionDiff } from '@/components/history/revision-diff';
import { getArticleHeading, listRevisions, revisionDiff, type RevisionRow } from '@/lib/articles/queries';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { restoreRevisionAction } from '@/lib/collab/actions';
import { formatDateTime } from '@/lib/dates/format';

export const metadata = { title: '历史版本' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SELECT = 'ml-1 max-w-[22rem] rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900';

function optionLabel(revision: RevisionRow): string {
  return `第${revision.version}版 · ${revision.event} · ${revision.author} · ${formatDateTime(new Date(revision.savedAt))}`;
}

/** When the revision's text was saved; a run of autosaves says how many and since when. */
function SavedAt({ revision }: { revision: RevisionRow }) {
  return (
    <>
      {formatDateTime(new Date(revision.savedAt))}
      {revision.saves > 1 ? (
        <span className="block text-xs text-stone-500">
          {revision.saves} 次保存，自 {formatDateTime(new Date(revision.startedAt))} 起
        </span>
      ) : null}
    </>
  );
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}/history`;
  await requirePageUser('newsroom:enter', path);
  const [revisions, story] = await Promise.all([
    orPageDenied(listRevisions(id), path),
    orPageDenied(getArticleHeading(id), path),
  ]);
  const query = await searchParams;
  const from = typeof query.from === 'string' ? query.from : revisions[1]?.id;
  const to = typeof query.to === 'string' ? query.to : revisions[0]?.id;
  const diff = from && to && from !== to ? await orPageDenied(revisionDiff(id, from, to), path) : null;
  const missing = Boolean(from && to && from !== to && !diff);
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/newsroom/articles/${id}`} className="text-sm underline">
          {story.mayEdit ? '← 返回编辑' : '← 返回稿件'}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">历史版本：{story.headline || '（无标题）'}</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        同一人连续的自动保存合并为一个版本；停笔五分钟以上、换人修改、手动保存、提交审核、每一级审签或退回、发布、更正和恢复都会留下单独的版本。
      </p>
      {revisions.length > 1 ? (
        <form className="flex flex-wrap items-end gap-3 text-sm" action={path}>
          <label>
            比较
            <select name="from" defaultValue={from} className={SELECT}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {optionLabel(r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            和
            <select name="to" defaultValue={to} className={SELECT}>
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {optionLabel(r)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-stone-400 px-3 py-1">
            比较
          </button>
        </form>
      ) : null}
      {missing ? (
        <p role="alert" className="text-red-700">
          找不到要比较的版本（可能已并入后来的自动保存），请从列表中选择。
        </p>
      ) : null}
      {diff ? (
        <RevisionDiff
          fromVersion={diff.from.version}
          toVersion={diff.to.version}
          fields={diff.fields}
          body={diff.body}
          same={diff.same}
        />
      ) : null}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-400">
          <tr>
            <th className="py-2">版本</th>
            <th>时间</th>
            <th>事件</th>
            <th>操作人</th>
            <th>标题</th>
            <th>字数变化</th>
            <th>
              <span className="sr-only">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((revision, index) => {
            const previous = revisions[index + 1];
            return (
              <tr key={revision.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                <td className="py-2">
                  第{revision.version}版{index === 0 ? '（当前）' : ''}
                  {revision.live ? (
                    <span className="block text-xs text-green-800 dark:text-green-300">读者所见</span>
                  ) : null}
                </td>
                <td>
                  <SavedAt revision={revision} />
                </td>
                <td>{revision.event}</td>
                <td>{revision.author}</td>
                <td>{revision.headline || '（无标题）'}</td>
                <td>{revision.change > 0 ? `+${revision.change}` : revision.change}</td>
                <td className="space-x-3 whitespace-nowrap">
                  {previous ? (
                    <Link className="underline" href={`${path}?from=${previous.id}&to=${revision.id}`}>
                      与上一版比较
                    </Link>
                  ) : null}
                  {index > 0 && story.mayEdit ? (
                    <RestoreRevisionButton
                      articleId={id}
                      revisionId={revision.id}
                      version={revision.version}
                      currentVersion={story.version}
                      restore={restoreRevisionAction}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
