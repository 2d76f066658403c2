import { ImportForm } from '@/components/newsroom/import/import-form';
import { requirePageUser } from '@/lib/auth/require-user';
import { proofingListsVersion } from '@/lib/proofing/queries';

export const metadata = { title: '导入期次' };

export default async function ImportPage() {
  await requirePageUser('issue:import', '/newsroom/issues/import');
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">导入期次</h1>
      <p className="text-stone-600 dark:text-stone-400">
        上传印刷排版系统导出的整期纯文本或 PDF。系统先显示识别结果，确认后才写入，且只生成草稿，不会发布。
      </p>
      <ImportForm proofingVersion={await proofingListsVersion()} />
    </div>
  );
}
