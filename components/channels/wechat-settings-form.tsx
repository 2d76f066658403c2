import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { updateWechatCredentialsAction } from '@/lib/channels/wechat-actions';

type Settings = { appId: string; secretSaved: boolean; keyProblem: string | null };

/** 报刊设置 → 公众号接口: the AppID, and an AppSecret that is sealed on saving and never shown again. */
export function WechatSettingsForm({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="wechat-api-heading" className="space-y-3 border-t border-stone-300 pt-6">
      <h2 id="wechat-api-heading" className="text-xl font-semibold">
        公众号接口
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        填写后，已发布的稿件可以在稿件页“推送到草稿箱”，由总编“发布”。AppID 和 AppSecret 在公众号后台“设置与开发 →
        基本配置”中查看，并须把本服务器的出口 IP 加入那里的 IP 白名单。AppSecret 加密保存，保存后不再显示。
      </p>
      <p id="wechat-secret-state" className="text-sm">
        AppSecret：{settings.secretSaved ? '已保存（不再显示）；留空则不修改' : '尚未保存'}
      </p>
      {settings.keyProblem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {settings.keyProblem}
        </p>
      ) : null}
      <ActionForm
        action={updateWechatCredentialsAction}
        submitLabel="保存公众号接口"
        successText="公众号接口已保存"
        className="grid max-w-3xl items-end gap-4 sm:grid-cols-[1fr_1fr_auto]"
      >
        <Field
          label="AppID"
          name="appId"
          defaultValue={settings.appId}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          label="AppSecret"
          name="secret"
          type="password"
          maxLength={64}
          autoComplete="new-password"
          aria-describedby="wechat-secret-state"
        />
      </ActionForm>
    </section>
  );
}
