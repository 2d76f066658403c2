import Link from 'next/link';

import { MonthClosingList } from '@/components/stats/month-closing-list';
import { PointRulesForm } from '@/components/stats/point-rules-form';
import { can } from '@/lib/access/capabilities';
import { requirePageUser } from '@/lib/auth/require-user';
import { getStatsSettings } from '@/lib/stats/settings-queries';

export const metadata = { title: '考核设置' };

/** 报刊设置 › 考核: the center's point rules and 结账 (the chief editor's and the admin's, 'stats:manage'). */
export default async function StatsSettingsPage() {
  const user = await requirePageUser('stats:manage', '/newsroom/admin/settings/stats');
  const { rules, months } = await getStatsSettings();
  return (
    <div className="space-y-8">
      {can(user.role, 'settings:edit') ? (
        <p>
          <Link href="/newsroom/admin/settings" className="text-sm underline">
            ← 报刊设置
          </Link>
        </p>
      ) : null}
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">考核设置</h1>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          本中心的稿件考核计分规则和每月结账。考核表按这些规则给每篇稿件计分，多人署名的稿件平分。
        </p>
      </div>
      <section aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="text-xl font-semibold">
          计分规则
        </h2>
        <PointRulesForm rules={rules} />
      </section>
      <section aria-labelledby="closing-heading" className="space-y-3 border-t border-stone-300 pt-6">
        <h2 id="closing-heading" className="text-xl font-semibold">
          结账
        </h2>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          一个月结束、核对无误后结账：这个月每个人的数字、分数和稿费按当时的规则固定下来，之后修改规则、更正或撤下稿件都不再改变它，结账记入审计日志。只能给已经结束的月份结账，结账不能撤销。
        </p>
        <MonthClosingList months={months} />
      </section>
    </div>
  );
}
