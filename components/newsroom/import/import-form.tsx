'use client';

// Upload → report (an editable draft) → confirm. The file is posted once, for the preview; the
// confirm posts the draft as the editor fixed it, so nothing is held on the server between the two
// steps and nothing is written before the confirm. Both go to /api/newsroom/import, which runs one
// import at a time: while others are ahead the page says how many.
import { useState, type FormEvent } from 'react';

import { useProofingLists } from '@/components/editor/use-proofing-lists';
import { AttachImportedPdf } from '@/components/epaper/attach-imported-pdf';
import { buttonClass } from '@/components/ui/button-class';
import { FormError, FormNotice, FormSuccess } from '@/components/ui/form-message';
import { importedPdfUse } from '@/lib/epaper/pdf-file';
import { MAX_IMPORT_BYTES } from '@/lib/importer/decode';
import { confirmState, type ImportDraft } from '@/lib/importer/draft';
import { IMPORT_UNREADABLE, readImportAnswer, waitingMessage } from '@/lib/importer/import-answer';
import type { ImportOutcomeResult, ImportPreview } from '@/lib/importer/import-work';

import { ImportReportView } from './import-report';

/** `proofingVersion`: 审校词库's current version, fetched once to count each story's hits on the report. */
export function ImportForm({ proofingVersion }: { proofingVersion: string }) {
  const lists = useProofingLists(proofingVersion);
  const [state, setState] = useState<ImportOutcomeResult | null>(null);
  const [pending, setPending] = useState(false);
  // Imports ahead of this one (0: running), while it waits.
  const [ahead, setAhead] = useState<number | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  // After a refused confirm the report and the editor's fixes stay on screen, so they can retry.
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  // The previewed PDF's page count: the confirm that follows knows only the draft, not the file.
  const [pdfPages, setPdfPages] = useState<number | null>(null);
  // Judged before sending: a file over the limit is never uploaded.
  const [tooLarge, setTooLarge] = useState(false);
  const done = state?.ok && state.stage === 'done' ? state : null;
  const conflict = state && !state.ok && state.fieldErrors?.replace;
  const confirmation = draft ? confirmState(draft) : null;

  async function send(query: string, body: BodyInit, type: string) {
    setPending(true);
    setAhead(null);
    let result: ImportOutcomeResult;
    try {
      const response = await fetch(`/api/newsroom/import?${query}`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': type },
      });
      result = await readImportAnswer(response, setAhead);
    } catch {
      result = { ok: false, error: IMPORT_UNREADABLE };
    }
    setPending(false);
    setAhead(null);
    setState(result);
    if (result.ok) {
      setPreview(result.stage === 'preview' ? result : null);
      setDraft(result.stage === 'preview' ? result.draft : null);
      if (result.stage === 'preview') setPdfPages(result.pdfPages);
    }
  }

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tooBig = Boolean(chosen && chosen.size > MAX_IMPORT_BYTES);
    setTooLarge(tooBig);
    if (tooBig || !chosen) return;
    const query = new URLSearchParams({ intent: 'preview', name: chosen.name });
    void send(query.toString(), chosen, 'application/octet-stream');
  }

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    const replace = new FormData(event.currentTarget).get('replace') === 'yes';
    const query = new URLSearchParams({ intent: 'confirm', ...(replace ? { replace: 'yes' } : {}) });
    void send(query.toString(), JSON.stringify(draft), 'application/json');
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
      {pending && ahead !== null ? <FormNotice>{waitingMessage(ahead)}</FormNotice> : null}
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
      {preview && draft ? <ImportReportView preview={preview} draft={draft} onChange={setDraft} lists={lists} /> : null}
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
