import Link from 'next/link';

import { TextPack } from '@/components/channels/text-pack';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { recordSendAction, recordWithdrawalAction } from '@/lib/channels/actions';
import type { ChannelPanel as Panel } from '@/lib/channels/queries';
import { publishWechatAction, pushWechatDraftAction } from '@/lib/channels/wechat-actions';
import { formatDateTime } from '@/lib/dates/format';

import { WechatPublishPoll } from './wechat-publish-poll';

type Row = Panel['channels'][number];

const STATE_TONE: Record<Row['state'], string> = {
  unsent: 'border-stone-400',
  draft: 'border-sky-600 bg-sky-50 dark:bg-sky-950',
  publishing: 'border-sky-600 bg-sky-50 dark:bg-sky-950',
  sent: 'border-green-600 bg-green-50 dark:bg-green-950',
  behind: 'border-amber-600 bg-amber-50 dark:bg-amber-950',
  failed: 'border-red-600 bg-red-50 dark:bg-red-950',
  withdrawn: 'border-stone-500 bg-stone-100 dark:bg-stone-800',
};

function Hidden({ articleId, channel }: { articleId: string; channel: string }) {
  return (
    <>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="channel" value={channel} />
    </>
  );
}

function sendLabel(state: Row['state']): string {
  if (state === 'failed') return '重试';
  if (state === 'unsent') return '记录已发送';
  return '重新发送后记录';
}

function pushLabel(state: Row['state']): string {
  if (state === 'unsent') return '推送到草稿箱';
  if (state === 'failed') return '重试：推送到草稿箱';
  return '重新推送到草稿箱';
}

/** 推送到草稿箱 through the 公众号 API, then 发布 (the chief editor's) and its result. */
function WechatApiSteps({ articleId, row, mayPublish }: { articleId: string; row: Row; mayPublish: boolean }) {
  return (
    <div className="space-y-2" data-testid="wechat-api">
      {row.state === 'publishing' ? (
        <WechatPublishPoll articleId={articleId} />
      ) : (
        <ActionForm
          action={pushWechatDraftAction}
          submitLabel={pushLabel(row.state)}
          successText="已推送到公众号草稿箱"
        >
          <input type="hidden" name="articleId" value={articleId} />
        </ActionForm>
      )}
      {row.state === 'draft' && mayPublish ? (
        <ActionForm
          action={publishWechatAction}
          submitLabel="发布"
          confirmText="发布后，公众号的关注者都能看到这篇稿件。确定发布？"
          successText="已提交发布"
        >
          <input type="hidden" name="articleId" value={articleId} />
        </ActionForm>
      ) : null}
      {row.state === 'draft' && !mayPublish ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">稿件已在公众号草稿箱，由总编在这里发布。</p>
      ) : null}
    </div>
  );
}

function ChannelRow({ articleId, row, panel }: { articleId: string; row: Row; panel: Panel }) {
  return (
    <li
      data-testid={`channel-${row.channel}`}
      className="space-y-2 border-t border-stone-200 pt-3 dark:border-stone-700"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 className="font-medium">{row.label}</h3>
        <span data-testid="channel-state" className={`rounded border px-2 py-0.5 text-sm ${STATE_TONE[row.state]}`}>
          {row.stateLabel}
        </span>
        {row.at && row.state !== 'failed' ? (
          <span className="text-sm text-stone-600 dark:text-stone-400">
            {row.by} · {formatDateTime(row.at)}
          </span>
        ) : null}
        {row.remoteUrl ? (
          <a className="text-sm break-all underline" href={row.remoteUrl} target="_blank" rel="noopener noreferrer">
            {row.remoteUrl}
          </a>
        ) : row.remoteId ? (
          <span className="text-sm break-all">编号 {row.remoteId}</span>
        ) : null}
      </div>
      {row.state === 'failed' && row.reason ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {row.by} 于 {row.at ? formatDateTime(row.at) : ''} 发送失败：{row.reason}
        </p>
      ) : null}
      {row.channel === 'WECHAT' && !panel.blocker && panel.mayRecord ? (
        <p className="text-sm">
          <Link href={`/newsroom/articles/${articleId}/wechat`} className="underline">
            公众号排版与复制
          </Link>
        </p>
      ) : null}
      {row.channel === 'WECHAT' && panel.wechatApi && panel.mayRecord && !panel.blocker ? (
        <WechatApiSteps articleId={articleId} row={row} mayPublish={panel.mayPublish} />
      ) : null}
      {row.channel === 'WEIBO' && panel.textPack ? <TextPack articleId={articleId} pack={panel.textPack} /> : null}
      {row.todo ? (
        <p data-testid="channel-todo" className="text-sm text-amber-800 dark:text-amber-300">
          {row.todo.text}
        </p>
      ) : null}
      {panel.mayRecord && !panel.blocker ? (
        <ActionForm action={recordSendAction} submitLabel={sendLabel(row.state)} variant="secondary">
          <Hidden articleId={articleId} channel={row.channel} />
          <Field
            label={`${row.label}返回的链接或编号`}
            name="ref"
            id={`channel-ref-${row.channel}`}
            maxLength={500}
            className="min-w-0 grow sm:max-w-md"
          />
        </ActionForm>
      ) : null}
      {panel.mayRecord && row.todo?.kind === 'withdraw' ? (
        <ActionForm action={recordWithdrawalAction} submitLabel="记录已撤回" variant="secondary" successText="已记录">
          <Hidden articleId={articleId} channel={row.channel} />
        </ActionForm>
      ) : null}
    </li>
  );
}

/** 发布渠道: where the story stands on each channel besides the website, and recording a send there. */
export function ChannelPanel({ articleId, panel }: { articleId: string; panel: Panel }) {
  return (
    <section
      aria-labelledby="channels-heading"
      className="space-y-3 rounded border border-stone-300 p-4 dark:border-stone-700"
    >
      <h2 id="channels-heading" className="text-lg font-semibold">
        发布渠道
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        网站之外的渠道。发送的是读者在网站上看到的已发布版本；稿件再次发布后，渠道显示“渠道版本落后于网站”，直到重新发送。
      </p>
      {panel.blocker ? (
        <p data-testid="channel-blocker" className="text-sm">
          {panel.blocker}
        </p>
      ) : null}
      <ul className="space-y-3">
        {panel.channels.map((row) => (
          <ChannelRow key={row.channel} articleId={articleId} row={row} panel={panel} />
        ))}
        {panel.appFeed ? (
          <li data-testid="channel-APP" className="space-y-1 border-t border-stone-200 pt-3 dark:border-stone-700">
            <h3 className="font-medium">客户端</h3>
            <p className="text-sm text-stone-600 dark:text-stone-400">
              客户端信息流随网站自动更新，不需要逐篇发送：撤稿后从信息流消失，更正随即显示。
              {panel.appFeed.live ? (
                <>
                  {' '}
                  <a className="underline" href={panel.appFeed.path} target="_blank" rel="noopener noreferrer">
                    查看本稿在客户端的数据
                  </a>
                </>
              ) : null}
            </p>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
