import { PublicationForm } from '@/components/newsroom/publication-form';
import { requirePageUser } from '@/lib/auth/require-user';
import { getPublicationSettings } from '@/lib/settings/queries';

export const metadata = { title: '报刊设置' };

export default async function SettingsPage() {
  await requirePageUser('settings:edit', '/newsroom/admin/settings');
  const settings = await getPublicationSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">报刊设置</h1>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        刊名、编印单位、热线、地址和邮编印在每一页的报头和页脚。审稿级数改变后，正在审核的稿件按新的级数继续。
      </p>
      {settings ? (
        <PublicationForm settings={settings} />
      ) : (
        <p role="alert">还没有报刊信息：请先运行 npm start 完成初始化。</p>
      )}
    </div>
  );
}
