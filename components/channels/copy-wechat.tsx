'use client';

// 复制到公众号: puts the 公众号 HTML on the clipboard as rich text (and the plain text beside it), so
// pasting into the 公众号 editor keeps the inline styles. Without the async clipboard API (an http
// address other than localhost), the preview is selected and copied the old way.
import { useRef, useState } from 'react';

import { buttonClass } from '@/components/ui/button-class';

async function copyRich(html: string, plain: string): Promise<void> {
  const item = new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([plain], { type: 'text/plain' }),
  });
  await navigator.clipboard.write([item]);
}

export function CopyWechat({ html }: { html: string }) {
  const preview = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function copy() {
    const node = preview.current;
    if (!node) return;
    try {
      if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) throw new Error('no async clipboard');
      await copyRich(html, node.innerText);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(node);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      const copied = document.execCommand('copy');
      selection?.removeAllRanges();
      if (!copied) {
        setMessage({ ok: false, text: '浏览器不允许复制：请在下方预览中全选（Ctrl+A）后复制' });
        return;
      }
    }
    setMessage({ ok: true, text: '已复制。打开公众号后台的新建图文，在正文中粘贴即可。' });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={buttonClass('primary')} onClick={copy}>
          复制到公众号
        </button>
        {message ? (
          <p
            role={message.ok ? 'status' : 'alert'}
            className={message.ok ? 'text-sm text-green-700' : 'text-sm text-red-700'}
          >
            {message.text}
          </p>
        ) : null}
      </div>
      {/* The 公众号 article is 375 px wide on a phone: the preview shows it at that width. */}
      <div
        ref={preview}
        data-testid="wechat-preview"
        className="max-w-[400px] rounded border border-stone-300 bg-white p-3 text-black"
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
