'use client';

// The import report as the place to fix the result before anything is written: masthead fields and
// every story's fields are editable, unsure ones highlighted; blocks can be moved or split off; lines
// the importer could not place can be put into a story or dropped.
import { FormError } from '@/components/ui/form-message';
import type { ImportDraft } from '@/lib/importer/draft';
import { dropUnplaced, markMastheadChecked, placeUnplaced, setMastheadField } from '@/lib/importer/draft-edits';
import type { ImportPreview } from '@/lib/importer/import-work';
import type { ProofingLists } from '@/lib/proofing/check';

import { ArticleDraft } from './article-draft';
import { DraftInput } from './draft-input';
import { ReportPages } from './report-pages';

const FOUND_NAMES: Record<string, string> = {
  name: '刊名',
  publisher: '编印',
  hotline: '热线',
  lunar: '农历',
  weekday: '星期',
  address: '地址',
  postcode: '邮编',
  qrLabels: '二维码说明',
};

type Props = {
  preview: ImportPreview;
  draft: ImportDraft;
  onChange: (draft: ImportDraft) => void;
  lists: ProofingLists | null;
};

export function ImportReportView({ preview, draft, onChange, lists }: Props) {
  const { masthead } = draft;
  return (
    <section
      aria-labelledby="report-heading"
      className="space-y-4 rounded border border-stone-300 p-4 dark:border-stone-700"
    >
      <h2 id="report-heading" className="text-lg font-semibold">
        预览：第{masthead.number || '?'}期 {masthead.date || '（无日期）'} · {masthead.pageCount}版 ·{' '}
        {draft.stories.length}篇稿件
      </h2>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        文件 {preview.fileName}，编码 {preview.encoding}
        。在这里改正识别结果，确认后才写入；导入后是未出版的草稿期次，稿件需要审核、排版后才会发布。
        标黄的是系统没把握或没找到的内容。
      </p>
      {preview.existing === 'published' ? <FormError>第{masthead.number}期已出版，不能用导入覆盖。</FormError> : null}
      {draft.warnings.length ? (
        <ul aria-label="注意" className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
          {draft.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="font-semibold">报头</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <DraftInput
            label="期号"
            value={masthead.number}
            type="number"
            flagged={draft.check.includes('number')}
            onChange={(value) => onChange(setMastheadField(draft, 'number', value))}
            onChecked={() => onChange(markMastheadChecked(draft, 'number'))}
          />
          <DraftInput
            label="出版日期"
            value={masthead.date}
            type="date"
            flagged={draft.check.includes('date')}
            onChange={(value) => onChange(setMastheadField(draft, 'date', value))}
            onChecked={() => onChange(markMastheadChecked(draft, 'date'))}
          />
          <DraftInput
            label="版数"
            value={masthead.pageCount}
            type="number"
            flagged={draft.check.includes('pageCount')}
            onChange={(value) => onChange(setMastheadField(draft, 'pageCount', value))}
            onChecked={() => onChange(markMastheadChecked(draft, 'pageCount'))}
          />
        </div>
        {Object.keys(preview.found).length ? (
          <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
            {Object.entries(preview.found).map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-stone-600 dark:text-stone-400">{FOUND_NAMES[name] ?? name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </fieldset>

      <ReportPages draft={draft} pages={preview.pages} error={preview.pagesError} />

      <ol className="space-y-3" aria-label="稿件">
        {draft.stories.map((story, index) => (
          <ArticleDraft key={story.key} draft={draft} story={story} index={index} onChange={onChange} lists={lists} />
        ))}
      </ol>

      {draft.unplaced.length ? (
        <div>
          <h3 className="font-semibold">未能归类的行</h3>
          <ul className="space-y-1 text-sm">
            {draft.unplaced.map((line) => (
              <li
                key={line.key}
                className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 px-2 py-1 dark:bg-amber-950"
              >
                <span>
                  第{line.line}行：{line.text}
                </span>
                <select
                  aria-label={`第${line.line}行放到`}
                  value=""
                  onChange={(event) =>
                    event.currentTarget.value && onChange(placeUnplaced(draft, line.key, event.currentTarget.value))
                  }
                  className="rounded border border-stone-400 bg-white px-1 py-0.5 text-xs dark:bg-stone-900"
                >
                  <option value="">放到稿件…</option>
                  {draft.stories.map((story, index) => (
                    <option key={story.key} value={story.key}>
                      稿件{index + 1}：{story.fields.headline || '（无主题）'}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  onClick={() => onChange(dropUnplaced(draft, line.key))}
                  aria-label={`丢弃第${line.line}行`}
                  className="rounded border border-stone-400 px-2 py-0.5 text-xs hover:bg-stone-100 dark:hover:bg-stone-800"
                >
                  丢弃
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
