import Link from 'next/link';

/** Previous / next links that keep the current filters. */
export function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="分页" className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="underline">
          上一页
        </Link>
      ) : (
        <span className="text-stone-500">上一页</span>
      )}
      <span>
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="underline">
          下一页
        </Link>
      ) : (
        <span className="text-stone-500">下一页</span>
      )}
    </nav>
  );
}

export function pageParam(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
