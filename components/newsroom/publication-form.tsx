import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import type { ChannelSwitches } from '@/lib/channels/rules';
import { updatePublicationAction } from '@/lib/settings/actions';
import { WEEKDAY_LABELS } from '@/lib/settings/schemas';

type Settings = {
  name: string;
  publisher: string;
  hotline: string;
  address: string;
  postcode: string;
  reviewLevels: number;
  publishDays: number[];
} & ChannelSwitches;

// 客户端: the app feed (/app/feed.json) follows the website while it is on (docs/architecture.md: Channels).
const CHANNEL_SWITCHES: [keyof ChannelSwitches, string][] = [
  ['wechatEnabled', '微信公众号'],
  ['appFeedEnabled', '客户端'],
  ['weiboEnabled', '微博'],
];

/** 报刊设置: the masthead lines, how many 三审 levels a story needs, and the days the paper appears. */
export function PublicationForm({ settings }: { settings: Settings }) {
  return (
    <ActionForm
      action={updatePublicationAction}
      submitLabel="保存设置"
      successText="设置已保存"
      className="grid max-w-3xl gap-4 sm:grid-cols-2"
    >
      <Field label="刊名" name="name" required maxLength={40} defaultValue={settings.name} />
      <Field label="编印单位" name="publisher" required maxLength={60} defaultValue={settings.publisher} />
      <Field label="采编热线" name="hotline" maxLength={40} defaultValue={settings.hotline} />
      <Field label="邮编" name="postcode" inputMode="numeric" maxLength={6} defaultValue={settings.postcode} />
      <Field label="地址" name="address" maxLength={100} defaultValue={settings.address} className="sm:col-span-2" />
      <fieldset className="text-sm">
        <legend className="font-medium">审稿级数（三审三校）</legend>
        {[1, 2, 3].map((levels) => (
          <label key={levels} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="reviewLevels" value={levels} defaultChecked={settings.reviewLevels === levels} />
            {levels === 3 ? '三审：初审、复审、终审（签发）' : levels === 2 ? '两审：初审、终审（签发）' : '一审：签发'}
          </label>
        ))}
      </fieldset>
      <fieldset className="text-sm">
        <legend className="font-medium">出版日（新建一期时据此推荐日期）</legend>
        {WEEKDAY_LABELS.map((label, index) => (
          <label key={label} className="mr-3 inline-flex items-center gap-1">
            <input
              type="checkbox"
              name="publishDays"
              value={index + 1}
              defaultChecked={settings.publishDays.includes(index + 1)}
            />
            星期{label}
          </label>
        ))}
      </fieldset>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">发布渠道（网站始终发布；签发并在网站发布的稿件可以再发送到这些渠道）</legend>
        {CHANNEL_SWITCHES.map(([name, label]) => (
          <label key={name} className="mr-4 inline-flex items-center gap-1">
            <input type="checkbox" name={name} defaultChecked={settings[name]} />
            {label}
          </label>
        ))}
      </fieldset>
    </ActionForm>
  );
}
