'use client';

// While a 发布 is under way WeChat reports its result only when asked (freepublish/get): the story page
// asks every few seconds and reloads its data once the answer is final (发布成功 or the reason it failed).
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

import { FormError, FormNotice } from '@/components/ui/form-message';
import { pollWechatPublishAction } from '@/lib/channels/wechat-actions';

// Every 3 s: the desk sees the result a few seconds after WeChat has it, for one small freepublish/get
// per open story page (freepublish/get counts against the account's daily quota like every call).
const EVERY_MS = 3000;

export function WechatPublishPoll({ articleId }: { articleId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function ask() {
      const result = await pollWechatPublishAction(articleId).catch(() => null);
      if (stopped) return;
      if (result && result.ok && result.state !== 'publishing') {
        router.refresh();
        return;
      }
      setError(result && !result.ok ? result.error : null);
      timer = setTimeout(ask, EVERY_MS);
    }
    timer = setTimeout(ask, 500);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [articleId, router]);

  return (
    <div className="space-y-2">
      <FormNotice>已提交发布，正在等待微信的发布结果……</FormNotice>
      {error ? <FormError>{error}</FormError> : null}
    </div>
  );
}
