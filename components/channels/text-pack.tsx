'use client';

// 微博 / 抖音 文案包 on the story's 发布渠道 panel: the texts to post (复制 each), and the chosen images
// of the published copy as one ZIP (下载所选图片). Recording the post is the panel's 记录已发送.
import { useState } from 'react';

import { buttonClass } from '@/components/ui/button-class';
import { FormError, FormSuccess } from '@/components/ui/form-message';
import { charCount, DOUYIN_LIMIT, MAX_PACK_IMAGES, WEIBO_LEAD_LIMIT, WEIBO_LIMIT } from '@/lib/channels/text-pack';
import type { TextPackView } from '@/lib/channels/text-pack-queries';

const TEXTS = [
  { key: 'weibo', short: '微博', label: '微博', limit: WEIBO_LIMIT },
  {
    key: 'weiboLead',
    short: '导语版',
    label: `微博导语版（${WEIBO_LEAD_LIMIT} 字内，信息流里不折叠）`,
    limit: WEIBO_LEAD_LIMIT,
  },
  { key: 'douyin', short: '抖音', label: '抖音作品描述', limit: DOUYIN_LIMIT },
] as const;

async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the async clipboard (an http address other than localhost): select and copy.
    if (!area) return false;
    area.select();
    return document.execCommand('copy');
  }
}

export function TextPack({ articleId, pack }: { articleId: string; pack: TextPackView }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [chosen, setChosen] = useState<string[]>(() => pack.images.slice(0, MAX_PACK_IMAGES).map((image) => image.id));
  const query = new URLSearchParams(chosen.map((id) => ['media', id]));
  const href = `/newsroom/articles/${articleId}/text-pack.zip?${query}`;

  async function copy(label: string, text: string, id: string) {
    const ok = await copyText(text, document.getElementById(id) as HTMLTextAreaElement | null);
    setMessage(ok ? { ok, text: `已复制${label}文案` } : { ok, text: '浏览器不允许复制：请在文本框中全选后复制' });
  }

  function toggle(id: string, on: boolean) {
    setChosen((current) => (on ? [...current, id] : current.filter((value) => value !== id)));
  }

  return (
    <details className="rounded border border-stone-200 p-3 dark:border-stone-700" open>
      <summary className="cursor-pointer font-medium">微博 / 抖音文案包</summary>
      <div className="mt-3 space-y-4">
        {TEXTS.map(({ key, short, label, limit }) => {
          const id = `text-pack-${key}`;
          const text = pack[key];
          return (
            <div key={key} className="space-y-1">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <label htmlFor={id} className="text-sm font-medium">
                  {label}
                </label>
                <span className="text-xs text-stone-600 dark:text-stone-400">
                  {charCount(text)} / {limit} 字
                </span>
              </div>
              <textarea
                id={id}
                readOnly
                value={text}
                rows={key === 'weibo' ? 5 : 3}
                className="w-full rounded border border-stone-300 bg-stone-50 p-2 text-sm dark:border-stone-600 dark:bg-stone-900"
              />
              <button type="button" className={buttonClass('secondary')} onClick={() => copy(short, text, id)}>
                复制{short}文案
              </button>
            </div>
          );
        })}
        {message ? (
          message.ok ? (
            <FormSuccess>{message.text}</FormSuccess>
          ) : (
            <FormError>{message.text}</FormError>
          )
        ) : null}
        {pack.images.length ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">
              配图（微博一条最多 {MAX_PACK_IMAGES} 张，下载的是上传时的原图）
            </legend>
            <ul className="grid grid-cols-3 gap-2 sm:grid-cols-6">
              {pack.images.map((image, index) => (
                <li key={image.id}>
                  <label className="block cursor-pointer text-xs">
                    {/* eslint-disable-next-line @next/next/no-img-element -- the newsroom's own web size, already small */}
                    <img src={image.thumb} alt={image.alt} className="aspect-square w-full rounded object-cover" />
                    <span className="mt-1 flex items-center gap-1">
                      <input
                        type="checkbox"
                        checked={chosen.includes(image.id)}
                        onChange={(event) => toggle(image.id, event.target.checked)}
                        aria-label={`选择第 ${index + 1} 张图片${image.caption ? `：${image.caption}` : ''}`}
                      />
                      第 {index + 1} 张
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {chosen.length === 0 ? (
              <p className="text-sm text-stone-600 dark:text-stone-400">请至少选择一张图片</p>
            ) : chosen.length > MAX_PACK_IMAGES ? (
              <p role="alert" className="text-sm text-red-700">
                微博一条最多 {MAX_PACK_IMAGES} 张图片，请少选几张
              </p>
            ) : (
              <a href={href} download className={buttonClass('secondary')}>
                下载所选图片（{chosen.length} 张，ZIP）
              </a>
            )}
          </fieldset>
        ) : (
          <p className="text-sm text-stone-600 dark:text-stone-400">这篇稿件的发布版本没有图片。</p>
        )}
      </div>
    </details>
  );
}
