'use client';

import type { Editor } from '@tiptap/react';

import { isSafeHref } from '@/lib/content/safe-url';

type ButtonProps = {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: React.ReactNode;
};

function ToolButton({ label, shortcut, active, disabled, onClick, children }: ButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label}（${shortcut}）` : label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm ${active ? 'bg-stone-800 text-white dark:bg-stone-200 dark:text-stone-900' : 'hover:bg-stone-200 dark:hover:bg-stone-700'} disabled:opacity-40`}
    >
      {children}
    </button>
  );
}

/** Formatting for the story body; every button has a keyboard shortcut or is reachable by Tab. */
export function Toolbar({ editor, onInsertImage }: { editor: Editor; onInsertImage: () => void }) {
  const chain = () => editor.chain().focus();
  const inTable = editor.isActive('table');
  const setLink = () => {
    const previous = (editor.getAttributes('link').href as string | undefined) ?? 'https://';
    const url = window.prompt('链接地址（http、https 或 mailto）', previous);
    if (url === null) return;
    if (url.trim() === '') {
      chain().unsetLink().run();
      return;
    }
    if (!isSafeHref(url.trim())) {
      window.alert('只能链接到 http、https 或 mailto 地址');
      return;
    }
    chain().extendMarkRange('link').setLink({ href: url.trim() }).run();
  };
  return (
    <div
      role="toolbar"
      aria-label="正文格式"
      className="sticky top-0 z-10 flex flex-wrap gap-1 border-b border-stone-300 bg-stone-50 p-1 dark:border-stone-700 dark:bg-stone-900"
    >
      <ToolButton label="撤销" shortcut="Ctrl+Z" disabled={!editor.can().undo()} onClick={() => chain().undo().run()}>
        ↶
      </ToolButton>
      <ToolButton
        label="重做"
        shortcut="Ctrl+Shift+Z"
        disabled={!editor.can().redo()}
        onClick={() => chain().redo().run()}
      >
        ↷
      </ToolButton>
      <span className="mx-1 w-px bg-stone-300" aria-hidden />
      <ToolButton
        label="正文段落"
        shortcut="Ctrl+Alt+0"
        active={editor.isActive('paragraph')}
        onClick={() => chain().setParagraph().run()}
      >
        正文
      </ToolButton>
      <ToolButton
        label="小标题"
        shortcut="Ctrl+Alt+2"
        active={editor.isActive('heading', { level: 2 })}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        小标题
      </ToolButton>
      <ToolButton
        label="加粗"
        shortcut="Ctrl+B"
        active={editor.isActive('bold')}
        onClick={() => chain().toggleBold().run()}
      >
        <strong>B</strong>
      </ToolButton>
      <ToolButton
        label="斜体"
        shortcut="Ctrl+I"
        active={editor.isActive('italic')}
        onClick={() => chain().toggleItalic().run()}
      >
        <em>I</em>
      </ToolButton>
      <ToolButton
        label="下划线"
        shortcut="Ctrl+U"
        active={editor.isActive('underline')}
        onClick={() => chain().toggleUnderline().run()}
      >
        <u>U</u>
      </ToolButton>
      <ToolButton
        label="无序列表"
        shortcut="Ctrl+Shift+8"
        active={editor.isActive('bulletList')}
        onClick={() => chain().toggleBulletList().run()}
      >
        • 列表
      </ToolButton>
      <ToolButton
        label="有序列表"
        shortcut="Ctrl+Shift+7"
        active={editor.isActive('orderedList')}
        onClick={() => chain().toggleOrderedList().run()}
      >
        1. 列表
      </ToolButton>
      <ToolButton
        label="引用"
        shortcut="Ctrl+Shift+B"
        active={editor.isActive('blockquote')}
        onClick={() => chain().toggleBlockquote().run()}
      >
        引用
      </ToolButton>
      <ToolButton
        label="标为引语（审校不检查）"
        active={editor.isActive('quotation')}
        onClick={() => chain().toggleMark('quotation').run()}
      >
        引语
      </ToolButton>
      <ToolButton label="链接" active={editor.isActive('link')} onClick={setLink}>
        链接
      </ToolButton>
      <ToolButton label="换行" shortcut="Shift+Enter" onClick={() => chain().setHardBreak().run()}>
        换行
      </ToolButton>
      <ToolButton label="插入图片" onClick={onInsertImage}>
        图片
      </ToolButton>
      <ToolButton
        label="插入表格"
        disabled={inTable}
        onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        表格
      </ToolButton>
      {inTable ? (
        <>
          <span className="mx-1 w-px bg-stone-300" aria-hidden />
          <ToolButton label="在下方加一行" onClick={() => chain().addRowAfter().run()}>
            +行
          </ToolButton>
          <ToolButton label="删除当前行" onClick={() => chain().deleteRow().run()}>
            −行
          </ToolButton>
          <ToolButton label="在右侧加一列" onClick={() => chain().addColumnAfter().run()}>
            +列
          </ToolButton>
          <ToolButton label="删除当前列" onClick={() => chain().deleteColumn().run()}>
            −列
          </ToolButton>
          <ToolButton label="表头行" onClick={() => chain().toggleHeaderRow().run()}>
            表头
          </ToolButton>
          <ToolButton label="删除表格" onClick={() => chain().deleteTable().run()}>
            删表
          </ToolButton>
        </>
      ) : null}
    </div>
  );
}
