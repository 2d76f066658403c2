import { issueDateLine } from '@/lib/dates/chinese-date';
import { pageCountWords } from '@/lib/reader/page-names';

type Props = {
  publication: { name: string; publisher: string; hotline: string };
  issue: { number: number; date: string; pageCount: number };
};

/** The nameplate: 刊名 in large red type, issue number, date line, 编印 and 采编热线, like the printed paper. */
export function Masthead({ publication, issue }: Props) {
  return (
    <header className="masthead border-b-4 border-double border-[var(--color-masthead)] pb-4" aria-label="报头">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-5xl font-black tracking-[0.3em] text-[var(--color-masthead)] sm:text-6xl">
          <a href="/">{publication.name}</a>
        </h1>
        <dl className="text-sm leading-6 text-stone-700 dark:text-stone-300">
          <div>
            <dt className="sr-only">期号</dt>
            <dd className="text-base font-semibold">第{issue.number}期</dd>
          </div>
          <div>
            <dt className="sr-only">出版日期</dt>
            <dd>{issueDateLine(issue.date)}</dd>
          </div>
        </dl>
      </div>
      <p className="mt-3 flex flex-wrap gap-x-6 text-sm text-stone-600 dark:text-stone-400">
        <span>{publication.publisher}</span>
        <span>今日{pageCountWords(issue.pageCount)}版</span>
        <span>采编热线：{publication.hotline}</span>
      </p>
    </header>
  );
}
