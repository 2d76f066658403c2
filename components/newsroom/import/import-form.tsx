'use client';
// Upload → report → confirm. The chosen file is kept in the browser and sent again on confirming,
// so nothing is held on the server between the two steps and nothing is written before the confirm.
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import type { ImportDone, ImportPreview } from '@/lib/importer/actions';
import { MAX_IMPORT_BYTES } from '@/lib/importer/decode';
import { FormError, FormSuccess } from '@/components/ui/form-message';
import { buttonClass } from '@/components/ui/button-class';
import { ImportReportView } from './import-report';

type Props = { action: (previous: unknown, formData: FormData) => Promise<ActionResult<ImportPreview | ImportDone>> };

export function ImportForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const [chosen, setChosen] = useState<File | null>(null);
  // After a refused confirm the report stays on screen, so the editor can change the choice and retry.
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [seen, setSeen] = useState(state);
  // Judged before sending: a file over the limit is never uploaded.
  const [tooLarge, setTooLarge] = useState(false);
  const done = state?.ok && state.stage === 'done' ? state : null;
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) setPreview(state.stage === 'preview' ? state : null);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tooBig = Boolean(chosen && chosen.size > MAX_IMPORT_BYTES);
    setTooLarge(tooBig);
    if (tooBig) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget);
    data.set('intent', submitter?.value === 'confirm' ? 'confirm' : 'preview');
    if (chosen) data.set('file', chosen);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div>
        <label htmlFor="import-file" className="block text-sm font-medium">印刷系统导出的纯文本文件（.txt，UTF-8 或 GBK，最大 10 MB）</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".txt,text/plain"
          required
          className="mt-1 block"
          onChange={(event) => {
            setChosen(event.currentTarget.files?.[0] ?? null);
            setPreview(null);
          }}
        />
      </div>
      {tooLarge ? <FormError>文件过大（上限 10 MB）</FormError> : state && !state.ok ? <FormError>{state.error}</FormError> : null}
      {done ? <FormSuccess>已导入第{done.number}期（草稿，未出版）：{done.stories}篇稿件{done.replaced ? '，替换了原来的草稿' : ''}。</FormSuccess> : null}
      {preview ? <ImportReportView preview={preview} /> : null}
      {preview?.existing === 'draft' ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="replace" value="yes" /> 第{preview.number}期已有草稿，用这个文件替换它
        </label>
      ) : null}
      <div className="flex gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className={buttonClass(preview ? 'secondary' : 'primary')}>
          {pending ? '请稍候…' : preview ? '重新预览' : '上传并预览'}
        </button>
        {preview && preview.problems.length === 0 && preview.existing !== 'published' ? (
          <button type="submit" name="intent" value="confirm" disabled={pending} className={buttonClass()}>确认导入为草稿</button>
        ) : null}
      </div>
    </form>
  );
}
