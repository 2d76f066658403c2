import type { Metadata } from 'next';
import type { ReactNode } from 'react';

import { getPublication } from '@/lib/reader/queries';

export const metadata: Metadata = {
  title: '无障碍声明',
  description: '今日柯城网络版的无障碍与适老化说明：遵循的标准、已做到的、如何检查、已知不足和问题反馈。',
  alternates: { canonical: '/accessibility' },
};

/** One part of the statement, a region named by its heading. */
function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A bulleted list of the statement. */
function Points({ children }: { children: ReactNode }) {
  return <ul className="list-disc space-y-1 pl-6">{children}</ul>;
}

// What readers are told here is what the tests check (docs/architecture.md, "Accessibility and care
// mode"): change one, change the other.
export default async function AccessibilityStatement() {
  const publication = await getPublication();
  const name = publication?.name ?? '今日柯城';
  return (
    <main id="main" className="mt-4 space-y-6">
      <h1 className="font-serif text-3xl font-bold">无障碍声明</h1>
      <p>
        {name}
        网络版希望每一位读者，包括年长的读者和使用读屏软件、只用键盘或放大文字的读者，都能方便地阅读每一期报纸。本声明说明读者页面（首页、各期各版、稿件、往期、搜索）做到了什么、怎样检查，以及还有哪些不足。
      </p>

      <Part id="standards" title="遵循的标准">
        <Points>
          <li>GB/T 37668-2019《信息技术 互联网内容无障碍可访问性技术要求与测试方法》；</li>
          <li>工业和信息化部《互联网网站适老化通用设计规范》；</li>
          <li>WCAG 2.1 AA 级（长辈模式下的文字对比度达到 AAA 级）。</li>
        </Points>
      </Part>

      <Part id="done" title="已经做到">
        <Points>
          <li>每页开头有“跳到正文”链接；页面分为报头、导航、正文和页脚区域；页面语言标为简体中文。</li>
          <li>全部链接和按钮都可以只用键盘操作，获得焦点的位置有清晰的轮廓。</li>
          <li>文字可以放大到 200% 而不丢失内容；在手机上阅读不需要左右滚动。</li>
          <li>文字与背景的对比度不低于 4.5:1；不只用颜色表达信息：当前所在的版面另有标记，正文中的链接带下划线。</li>
          <li>按钮、链接和图片都有中文名称或替代文字；版面图上的每篇稿件都可以用它的标题找到。</li>
          <li>没有弹出窗口，没有自动播放的声音或动画。</li>
          <li>
            <strong>长辈模式</strong>
            ：点页面上方的“长辈模式”按钮即可打开或关闭。文字放大一半，行距和段落间距加大，文字对比度不低于
            7:1，按钮和链接更大，页面不做动画，版面页先列出本版稿件。这个设置只保存在您自己的浏览器里。
          </li>
          <li>
            <strong>朗读</strong>
            ：稿件页可以朗读标题和正文，可以暂停、继续、停止和调整语速，正在朗读的段落会标出并自动滚到眼前。朗读使用浏览器自带的中文语音；没有中文语音的浏览器不显示朗读按钮，并给出提示。
          </li>
        </Points>
      </Part>

      <Part id="checks" title="怎样检查">
        <p>网站的每次修改都要通过以下自动检查：</p>
        <Points>
          <li>用 axe 检查每种读者页面，普通模式和长辈模式各一遍；长辈模式下逐一检查文字对比度是否达到 7:1。</li>
          <li>只用键盘从首页读到一篇稿件、翻到下一版、打开往期，并打开和关闭长辈模式。</li>
          <li>把文字放大到 200%，检查内容不被截断、页面不需要左右滚动。</li>
          <li>在电脑（1400 像素宽）和手机（390 像素宽）上截图检查每种读者页面，两种模式各一遍。</li>
          <li>
            按读屏软件得到的页面结构逐页检查朗读顺序：先是“跳到正文”和导航，再是正文和页脚；每个链接、按钮和图片都有中文名称。
          </li>
        </Points>
      </Part>

      <Part id="limits" title="已知不足">
        <Points>
          <li>版面图是印刷版的图片，读屏软件读不出图上的文字；同一版的稿件在旁边以文字列出，内容相同。</li>
          <li>朗读依赖浏览器和操作系统自带的语音，不同设备的音色和断句不同。</li>
          <li>
            我们用 Linux 上的 Orca 读屏软件在 Chromium
            浏览器中把每种读者页面从头读了一遍（2026年12月），朗读顺序和名称与页面一致；还没有用 Windows 上的
            NVDA、争渡、阳光读屏或手机上的 VoiceOver、TalkBack
            试过，也还没有请使用读屏软件的读者逐页试用，欢迎您告诉我们遇到的问题。
          </li>
        </Points>
      </Part>

      <Part id="feedback" title="反馈问题">
        <p>
          如果您在阅读中遇到困难，或发现某个页面、某项功能不方便使用，请告诉我们您用的是哪个页面、什么设备，我们会尽快改进。
        </p>
        {publication ? (
          <Points>
            <li>采编热线：{publication.hotline}</li>
            <li>
              来信地址：{publication.address}（邮编 {publication.postcode}）
            </li>
          </Points>
        ) : null}
      </Part>
    </main>
  );
}
