import { issueDateLine } from '@/lib/dates/chinese-date';

type Props = {
  publication: { name: string; publisher: string; hotline: string };
  issue: { number: number; date: string; pageCount: number };
};

const PAGE_COUNT_WORDS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];

/** The nameplate: 刊名 in large red type, issue number, date line, 编印 and 采编热线, like the printed paper. */
export function Masthead({ publication, issue }: Props) {
  const pages = PAGE_COUNT_WORDS[issue.pageCount] ?? String(issue.pageCount);
  return (
    <header className="border-b-4 border-double border-[var(--color-masthead)] pb-4" aria-label="报头">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="font-serif text-5xl font-black tracking-[0.3em] text-[var(--color-masthead)] sm:text-6xl">
          {publication.name}
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
        <span>今日{pages}版</span>
        <span>采编热线：{publication.hotline}</span>
      </p>
    </header>
  );
}
