'use client';

// One story of the import draft: its fields, and its body blocks with the moves an editor needs
// (move a block to another story, make a story of its own from a block on, keep an unsure subheading).
import { useMemo, useState } from 'react';

import {
  DRAFT_FIELDS,
  draftFieldLabel,
  type DraftArticle,
  type DraftBlock,
  type ImportDraft,
} from '@/lib/importer/draft';
import {
  confirmBlock,
  markArticleChecked,
  mergeIntoPrevious,
  moveBlock,
  setArticleField,
  splitArticle,
} from '@/lib/importer/draft-edits';
import { draftProofing } from '@/lib/importer/draft-proofing';
import type { ProofingLists } from '@/lib/proofing/check';
import { PROOFING_LEVEL_LABELS, PROOFING_LEVELS } from '@/lib/proofing/kinds';

import { DraftInput } from './draft-input';

const KIND_LABELS: Record<DraftBlock['kind'], string> = {
  paragraph: '段落',
  heading: '小标题',
  table: '表格',
  caption: '表题',
  figure: '图片',
};

function preview(block: DraftBlock): string {
  if (block.kind === 'table') return `${block.text.split('\n').length}行：${block.text.split('\n')[0]}`;
  return block.text.length > 90 ? `${block.text.slice(0, 90)}…` : block.text;
}

function splitLabel(block: DraftBlock): string {
  return block.kind === 'heading' ? '作为新稿件的主题拆出' : '从这段起拆成新稿件';
}

type Props = {
  draft: ImportDraft;
  story: DraftArticle;
  index: number;
  onChange: (draft: ImportDraft) => void;
  /** 审校词库 (null while it loads): each story's hits by level, recounted as the story is fixed here. */
  lists: ProofingLists | null;
};

/** The story's 审校 hits by level, 禁止 first; red while a 禁止 hit is in it. */
function ProofingLine({ lists, story }: { lists: ProofingLists; story: DraftArticle }) {
  const counts = useMemo(() => draftProofing(lists, story), [lists, story]);
  const text = [...PROOFING_LEVELS]
    .reverse()
    .map((level) => `${PROOFING_LEVEL_LABELS[level]} ${counts[level]}`)
    .join(' · ');
  return (
    <span
      data-testid="import-proofing"
      className={counts.BLOCK ? 'font-medium text-red-700 dark:text-red-400' : undefined}
    >
      审校：{text}
    </span>
  );
}

// Each block carries its own controls; a story of tens of thousands of paragraphs (a 5 MB export
// with one story) would freeze the page, so blocks are shown a stretch at a time. Hidden blocks are
// still imported as they are.
const BLOCKS_AT_ONCE = 200;

export function ArticleDraft({ draft, story, index, onChange, lists }: Props) {
  const name = `稿件${index + 1}`;
  const [shown, setShown] = useState(BLOCKS_AT_ONCE);
  const hidden = story.blocks.length - shown;
  const others = draft.stories
    .map((other, position) => ({ other, position }))
    .filter(({ other }) => other.key !== story.key);
  return (
    <li
      className="rounded border border-stone-200 p-3 dark:border-stone-800"
      aria-label={`${name}：${story.fields.headline || '（无主题）'}`}
    >
      <p className="font-semibold">
        {name} · 第{story.fields.page}版 · {story.fields.headline || '（无主题）'}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
        <span>
          始于第{story.line}行 · {story.blocks.length}段
          {story.continuedOn.length ? ` · 转${story.continuedOn.join('、')}版` : ''}
        </span>
        {lists ? <ProofingLine lists={lists} story={story} /> : null}
        {index > 0 ? (
          <button
            type="button"
            onClick={() => onChange(mergeIntoPrevious(draft, story.key))}
            aria-label={`${name}并入上一篇`}
            className="rounded border border-stone-400 px-2 py-0.5 text-stone-800 hover:bg-stone-100 dark:text-stone-100 dark:hover:bg-stone-800"
          >
            并入上一篇
          </button>
        ) : null}
      </div>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {DRAFT_FIELDS.map((field) => (
          <DraftInput
            key={field}
            label={`${name} ${draftFieldLabel(field)}`}
            value={story.fields[field]}
            type={field === 'page' ? 'number' : 'text'}
            wide={field === 'headline'}
            flagged={story.check.includes(field)}
            onChange={(value) => onChange(setArticleField(draft, story.key, field, value))}
            onChecked={() => onChange(markArticleChecked(draft, story.key, field))}
          />
        ))}
      </div>
      <ol className="mt-3 space-y-1 text-sm">
        {story.blocks.slice(0, shown).map((block, position) => (
          <li
            key={block.key}
            className={`rounded px-2 py-1 ${block.unsure ? 'border border-amber-400 bg-amber-50 dark:bg-amber-950' : 'bg-stone-50 dark:bg-stone-900'}`}
          >
            <span className="mr-1 rounded bg-stone-200 px-1 text-xs dark:bg-stone-700">{KIND_LABELS[block.kind]}</span>
            {block.kind === 'figure' ? <DraftPhoto block={block} /> : null}
            <span className={block.kind === 'heading' ? 'font-semibold' : undefined}>{preview(block)}</span>
            {block.unsure ? (
              <p className="text-xs text-amber-900 dark:text-amber-200">这是小标题，还是另一篇稿件的主题？</p>
            ) : null}
            <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
              <label className="flex items-center gap-1">
                移到
                <select
                  aria-label={`${name}第${position + 1}段移到`}
                  value=""
                  onChange={(event) =>
                    event.currentTarget.value &&
                    onChange(moveBlock(draft, story.key, block.key, event.currentTarget.value))
                  }
                  className="rounded border border-stone-400 bg-white px-1 py-0.5 dark:bg-stone-900"
                >
                  <option value="">选择稿件…</option>
                  {others.map(({ other, position: at }) => (
                    <option key={other.key} value={other.key}>
                      稿件{at + 1}：{other.fields.headline || '（无主题）'}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                onClick={() => onChange(splitArticle(draft, story.key, block.key))}
                aria-label={`${splitLabel(block)}（${name}第${position + 1}段）`}
                className="rounded border border-stone-400 px-2 py-0.5 hover:bg-stone-100 dark:hover:bg-stone-800"
              >
                {splitLabel(block)}
              </button>
              {block.unsure ? (
                <button
                  type="button"
                  onClick={() => onChange(confirmBlock(draft, story.key, block.key))}
                  aria-label={`保留为小标题（${name}第${position + 1}段）`}
                  className="rounded border border-stone-400 px-2 py-0.5 hover:bg-stone-100 dark:hover:bg-stone-800"
                >
                  保留为小标题
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {hidden > 0 ? (
        <button
          type="button"
          onClick={() => setShown(shown + BLOCKS_AT_ONCE * 5)}
          className="mt-2 rounded border border-stone-400 px-2 py-0.5 text-sm hover:bg-stone-100 dark:hover:bg-stone-800"
        >
          再显示{Math.min(hidden, BLOCKS_AT_ONCE * 5)}段（还有{hidden}段未显示，导入时照样保存）
        </button>
      ) : null}
    </li>
  );
}

/** A photo from the PDF, shown small above its caption (the draft holds it as a data URL until the confirm). */
function DraftPhoto({ block }: { block: DraftBlock }) {
  const attrs = block.node.attrs as { src?: string; alt?: string; width?: number; height?: number } | undefined;
  if (!attrs?.src) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data URL: next/image cannot optimise it
    <img
      src={attrs.src}
      alt={attrs.alt || '导入的图片'}
      width={attrs.width ?? undefined}
      height={attrs.height ?? undefined}
      className="my-1 block h-auto max-h-40 w-auto max-w-full rounded"
    />
  );
}
