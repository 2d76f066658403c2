import Link from 'next/link';

import { ProofingListEditor } from '@/components/newsroom/proofing-lists';
import { requirePageUser } from '@/lib/auth/require-user';
import { isProofingLevel, PROOFING_KIND_LABELS, PROOFING_KINDS, PROOFING_LEVEL_LABELS } from '@/lib/proofing/kinds';
import { listPage } from '@/lib/proofing/list-queries';

export const metadata = { title: '审校词库' };

export default async function ProofingListsPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requirePageUser('proofing:edit-lists', '/newsroom/proofing');
  const { kind, entries, counts } = await listPage((await searchParams).kind);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">审校词库</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        稿件在编辑时、提交审核和每一级签字时按这些词库检查。导出为 CSV
        后可在表格软件里修改再导入；导入会替换全部词库，有错误的行会列出行号，整份文件不导入。每次修改都记入审计日志。
      </p>
      <nav aria-label="词库类别" className="flex flex-wrap gap-2 text-sm">
        {PROOFING_KINDS.map((each) => (
          <Link
            key={each}
            href={`/newsroom/proofing?kind=${each}`}
            aria-current={each === kind ? 'page' : undefined}
            className={`rounded border px-2 py-0.5 ${each === kind ? 'border-stone-800 font-semibold dark:border-stone-200' : 'border-stone-400'}`}
          >
            {PROOFING_KIND_LABELS[each]}（{counts[each]}）
          </Link>
        ))}
      </nav>
      <ProofingListEditor
        kind={kind}
        entries={entries.map((entry) => ({
          id: entry.id,
          term: entry.term,
          suggestion: entry.suggestion,
          level: isProofingLevel(entry.level) ? PROOFING_LEVEL_LABELS[entry.level] : entry.level,
          source: entry.source,
        }))}
        shown={entries.length}
        total={counts[kind]}
      />
    </div>
  );
}
