// The import page's side of /api/newsroom/import: reads the answer's JSON lines as they arrive,
// reporting the queue position, and returns the result. A refusal before the work (401/403/413 from the
// route, or a front's own 413 page) becomes a result with its message.
import type { ImportOutcomeResult } from './import-work';

export const IMPORT_UNREADABLE = '导入没有完成，请重试';

export function waitingMessage(ahead: number): string {
  return ahead === 0 ? '正在识别和处理，请稍候…' : `排队中：前面还有 ${ahead} 个导入，请不要关闭页面`;
}

async function refusal(response: Response): Promise<ImportOutcomeResult> {
  if (response.status === 413) {
    const body = await response.json().catch(() => null);
    return { ok: false, error: (body as { error?: string } | null)?.error ?? '文件过大（上限 10 MB）' };
  }
  const body = (await response.json().catch(() => null)) as { error?: string } | null;
  return { ok: false, error: body?.error ?? IMPORT_UNREADABLE };
}

export async function readImportAnswer(
  response: Response,
  onQueued: (ahead: number) => void,
): Promise<ImportOutcomeResult> {
  if (!response.ok || !response.body) return refusal(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      const message = line ? (JSON.parse(line) as { queued?: number } | ImportOutcomeResult) : null;
      if (message && 'queued' in message && typeof message.queued === 'number') onQueued(message.queued);
      else if (message && 'ok' in message) return message;
      end = buffered.indexOf('\n');
    }
    if (done) return { ok: false, error: IMPORT_UNREADABLE };
  }
}
