// 审校词库: one kind's entries with delete, a form to add one, CSV export and import (the whole 词库).
import { ActionForm } from '@/components/ui/action-form';
import { PROOFING_KIND_LABELS, PROOFING_LEVEL_LABELS, PROOFING_LEVELS, type ProofingKind } from '@/lib/proofing/kinds';
import {
  addProofingEntryAction,
  importProofingListsAction,
  removeProofingEntryAction,
} from '@/lib/proofing/list-actions';

type Row = { id: string; term: string; suggestion: string; level: string; source: string };

const input = 'mt-1 rounded border border-stone-400 bg-white px-2 py-1 text-base dark:bg-stone-900';

export function ProofingListEditor({
  kind,
  entries,
  shown,
  total,
}: {
  kind: ProofingKind;
  entries: Row[];
  shown: number;
  total: number;
}) {
  const title = kind === 'TITLE' ? ['人名', '职务（按顺序，用、分隔；“；”后为可接受的简称）'] : ['词条', '建议'];
  return (
    <div className="space-y-6">
      <section aria-labelledby="csv-heading" className="space-y-2">
        <h2 id="csv-heading" className="text-lg font-semibold">
          导入与导出
        </h2>
        <p className="text-sm">
          <a className="underline" href="/newsroom/proofing/export" download>
            导出全部词库（CSV）
          </a>
          ：列为 类别、词条、建议、级别、来源。
        </p>
        <ActionForm
          action={importProofingListsAction}
          submitLabel="导入并替换全部词库"
          successText="已导入"
          confirmText="导入会替换全部审校词库，确定？"
        >
          <label className="flex flex-col text-sm">
            CSV 文件
            <input type="file" name="file" accept=".csv,text/csv" required className="mt-1" />
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="add-heading" className="space-y-2">
        <h2 id="add-heading" className="text-lg font-semibold">
          添加到{PROOFING_KIND_LABELS[kind]}
        </h2>
        <ActionForm action={addProofingEntryAction} submitLabel="添加" successText="已添加">
          <input type="hidden" name="kind" value={kind} />
          <label className="flex flex-col text-sm">
            {title[0]}
            <input name="term" required maxLength={50} className={input} />
          </label>
          <label className="flex flex-col text-sm">
            {title[1]}
            <input name="suggestion" maxLength={300} className={input} />
          </label>
          <label className="flex flex-col text-sm">
            级别
            <select name="level" defaultValue="WARN" className={input}>
              {PROOFING_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {PROOFING_LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col text-sm">
            来源
            <input name="source" maxLength={300} className={input} />
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="entries-heading" className="space-y-2">
        <h2 id="entries-heading" className="text-lg font-semibold">
          {PROOFING_KIND_LABELS[kind]}
        </h2>
        {shown < total ? (
          <p className="text-sm">
            共 {total} 条，这里列出前 {shown} 条；全部内容请导出。
          </p>
        ) : null}
        <ul
          className="divide-y divide-stone-200 text-sm dark:divide-stone-700"
          aria-label={`${PROOFING_KIND_LABELS[kind]}词条`}
        >
          {entries.map((entry) => (
            <li key={entry.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
              <span className="font-medium">{entry.term}</span>
              {entry.suggestion ? <span>→ {entry.suggestion}</span> : null}
              <span className="rounded border border-stone-400 px-1">{entry.level}</span>
              <span className="min-w-0 flex-1 break-words text-stone-600 dark:text-stone-400">{entry.source}</span>
              <ActionForm action={removeProofingEntryAction} submitLabel="删除" variant="secondary" className="flex">
                <input type="hidden" name="id" value={entry.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
