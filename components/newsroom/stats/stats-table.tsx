'use client';

// One 考核 table (个人 or 部门) that sorts by a clicked header (aria-sort says how) and keeps the rows whose
// name or 部门 match the filter. The rules are lib/stats/table-view.ts's; on a phone the table stacks
// (components/ui/stacked-table.ts), each value named by its column.
import { useId, useMemo, useState } from 'react';

import { stackedCell, stackedHead, stackedLead, stackedRow, stackedTable } from '@/components/ui/stacked-table';
import { filterRows, isNumericColumn, nextSort, sortRows, type TableSort } from '@/lib/stats/table-view';
import type { StatsTable } from '@/lib/stats/tables';

export function StatsTableView({ table, caption }: { table: StatsTable; caption: string }) {
  const [sort, setSort] = useState<TableSort>(null);
  const [query, setQuery] = useState('');
  const filterId = useId();
  const rows = useMemo(() => sortRows(filterRows(table, query), sort), [table, query, sort]);
  const filterLabel = table.header.includes('姓名') ? '按姓名或部门筛选' : '按部门筛选';

  return (
    <section aria-label={caption} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{caption}</h2>
        <label htmlFor={filterId} className="ml-auto text-sm">
          {filterLabel}
        </label>
        <input
          id={filterId}
          type="search"
          value={query}
          maxLength={50}
          onChange={(event) => setQuery(event.target.value)}
          className="w-40 max-w-full rounded border border-stone-400 bg-white px-2 py-1 text-sm dark:bg-stone-900"
        />
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400" role="status">
        {query ? `筛选出 ${rows.length} 行，共 ${table.rows.length} 行` : `共 ${table.rows.length} 行`}
      </p>
      {rows.length === 0 ? null : (
        <div className="sm:overflow-x-auto">
          <table className={stackedTable}>
            <caption className="sr-only">{caption}（点击列名排序）</caption>
            <thead className={stackedHead}>
              <tr>
                {table.header.map((name, column) => (
                  <th
                    key={name}
                    scope="col"
                    aria-sort={sort?.column === column ? sort.direction : undefined}
                    className="py-1.5 pr-2 align-bottom"
                  >
                    <button
                      type="button"
                      className="font-semibold hover:underline"
                      onClick={() => setSort(nextSort(sort, column, isNumericColumn(table, column)))}
                    >
                      {name}
                      <span aria-hidden="true">
                        {sort?.column === column ? (sort.direction === 'ascending' ? ' ↑' : ' ↓') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${String(row[0])}-${index}`} className={stackedRow}>
                  {row.map((cell, column) => (
                    <td
                      key={table.header[column]}
                      data-label={table.header[column]}
                      className={`py-1.5 pr-2 ${column === 0 ? `font-medium whitespace-nowrap ${stackedLead}` : `${stackedCell} tabular-nums`} ${table.header[column] === '部门' ? 'whitespace-nowrap' : ''}`}
                    >
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
