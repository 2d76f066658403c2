'use client';

// Upload → report (an editable draft) → confirm. The file is posted once, for the preview; the
// confirm posts the draft as the editor fixed it, so nothing is held on the server between the two
// steps and nothing is written before the confirm.
import { startTransition, useActionState, useState, type FormEvent } from 'react';

import { AttachImportedPdf } from '@/components/epaper/attach-imported-pdf';
import { buttonClass } from '@/components/ui/button-class';
import { FormError, FormSuccess } from '@/components/ui/form-message';
import type { ActionResult } from '@/lib/actions/result';
import { importedPdfUse } from '@/lib/epaper/pdf-file';
import type { ImportDone, ImportPreview } from '@/lib/importer/actions';
import { MAX_IMPORT_BYTES } from '@/lib/importer/decode';
import { confirmState, type ImportDraft } from '@/lib/importer/draft';

import { ImportReportView } from './import-report';

type Props = { action: (previous: unknown, formData: FormData) => Promise<ActionResult<ImportPreview | ImportDone>> };

export function ImportForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [chosen, setChosen] = useState<File | null>(null);
  // After a refused confirm the report and the editor's fixes stay on screen, so they can retry.
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  // The previewed PDF's page count: the confirm that follows knows only the draft, not the file.
  const [pdfPages, setPdfPages] = useState<number | null>(null);
  const [seen, setSeen] = useState(state);
  // Judged before sending: a file over the limit is never uploaded.
  const [tooLarge, setTooLarge] = useState(false);
  const done = state?.ok && state.stage === 'done' ? state : null;
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      setPreview(state.stage === 'preview' ? state : null);
      setDraft(state.stage === 'preview' ? state.draft : null);
      if (state.stage === 'preview') setPdfPages(state.pdfPages);
    }
  }
  const conflict = state && !state.ok && state.fieldErrors?.replace;
  const confirmation = draft ? confirmState(draft) : null;

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tooBig = Boolean(chosen && chosen.size > MAX_IMPORT_BYTES);
    setTooLarge(tooBig);
    if (tooBig) return;
    const data = new FormData(event.currentTarget);
    data.set('intent', 'preview');
    if (chosen) data.set('file', chosen);
    startTransition(() => formAction(data));
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const data = new FormData(event.currentTarget);
    data.set('intent', 'confirm');
    data.set('draft', JSON.stringify(draft));
    startTransition(() => formAction(data));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={upload} className="space-y-4">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            印刷系统导出的纯文本文件或 PDF（.txt 为 UTF-8 或 GBK，.pdf 须带文字层；最大 10 MB）
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".txt,.pdf,text/plain,application/pdf"
            required
            className="mt-1 block"
            onChange={(event) => {
              setChosen(event.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setDraft(null);
              setPdfPages(null);
            }}
          />
        </div>
        <button type="submit" disabled={pending} className={buttonClass(preview ? 'secondary' : 'primary')}>
          {pending ? '请稍候…' : preview ? '重新预览（放弃改动）' : '上传并预览'}
        </button>
      </form>
      {tooLarge ? (
        <FormError>文件过大（上限 10 MB）</FormError>
      ) : state && !state.ok ? (
        <FormError>{state.error}</FormError>
      ) : null}
      {done ? (
        <FormSuccess>
          已导入第{done.number}期（草稿，未出版）：{done.stories}篇稿件{done.replaced ? '，替换了原来的草稿' : ''}。
        </FormSuccess>
      ) : null}
      {done && chosen && pdfPages !== null ? (
        <AttachImportedPdf
          file={chosen}
          issueNumber={done.number}
          use={importedPdfUse(pdfPages, done.pageCount, done.articlePages)}
        />
      ) : null}
      {preview && draft ? <ImportReportView preview={preview} draft={draft} onChange={setDraft} /> : null}
      {preview && draft && confirmation && preview.existing !== 'published' ? (
        <form onSubmit={confirm} className="space-y-3">
          {preview.existing === 'draft' || conflict ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="replace" value="yes" /> 第{draft.masthead.number}期已有草稿，用这个文件替换它
            </label>
          ) : null}
          <button type="submit" disabled={pending || confirmation.disabled} className={buttonClass()}>
            {confirmation.label}
          </button>
        </form>
      ) : null}
    </div>
  );
}
