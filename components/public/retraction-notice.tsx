import { formatDateTime } from '@/lib/dates/format';

/** What readers see in place of a retracted story (served with status 410). */
export function RetractionNotice({
  headline,
  note,
  retractedAt,
}: {
  headline: string;
  note: string | null;
  retractedAt: string;
}) {
  return (
    <main id="main" className="py-12">
      <h1 className="text-2xl font-bold">本文已撤稿</h1>
      <p className="mt-3 text-stone-700 dark:text-stone-300">
        《{headline}》已于 <time dateTime={retractedAt}>{formatDateTime(new Date(retractedAt))}</time> 撤稿。
      </p>
      {note ? <p className="mt-3 rounded border border-stone-300 p-3 dark:border-stone-700">撤稿说明：{note}</p> : null}
      <p className="mt-6">
        <a href="/" className="underline">
          返回最新一期
        </a>
      </p>
    </main>
  );
}
