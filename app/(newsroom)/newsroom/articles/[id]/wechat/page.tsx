import Link from 'next/link';

import { CopyWechat } from '@/components/channels/copy-wechat';
import { orPageDenied, requirePageUser } from '@/lib/auth/require-user';
import { getWechatCopy } from '@/lib/channels/wechat-queries';

export const metadata = { title: '公众号排版' };

export default async function WechatCopyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/newsroom/articles/${id}/wechat`;
  await requirePageUser('channel:send', path);
  const copy = await orPageDenied(getWechatCopy(id), path);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/newsroom/articles/${id}`} className="underline">
          返回稿件
        </Link>
      </p>
      <h1 className="text-2xl font-bold">公众号排版：{copy.headline}</h1>
      {copy.kind === 'blocked' ? (
        <p role="alert">{copy.reason}</p>
      ) : (
        <>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            下面是读者在网站上看到的已发布版本，按公众号编辑器保留的格式排好（只用行内样式，图片用网站的完整地址）。复制后在公众号后台粘贴到正文，标题另填；粘贴后请在公众号里确认图片已上传，再回到稿件页“记录已发送”。原文链接：
            <a className="underline" href={copy.sourceUrl}>
              {copy.sourceUrl}
            </a>
          </p>
          <CopyWechat html={copy.html} />
        </>
      )}
    </div>
  );
}
