import { describe, expect, it } from 'vitest';

import { IMPORT_UNREADABLE, readImportAnswer, waitingMessage } from './import-answer';

function streamed(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status });
}

describe('readImportAnswer', () => {
  it('reports each queue position and returns the result, lines split anywhere', async () => {
    const seen: number[] = [];
    const result = await readImportAnswer(
      streamed([
        '{"queued":2}\n{"que',
        'ued":1}\n',
        '{"queued":0}\n{"ok":true,"stage":"done","number":9,',
        '"stories":3,"replaced":false}\n',
      ]),
      (ahead) => seen.push(ahead),
    );
    expect(seen).toEqual([2, 1, 0]);
    expect(result).toEqual({ ok: true, stage: 'done', number: 9, stories: 3, replaced: false });
  });
  it('passes a refusal on with its Chinese message', async () => {
    const refused = Response.json({ ok: false, error: '请先登录' }, { status: 401 });
    expect(await readImportAnswer(refused, () => {})).toEqual({ ok: false, error: '请先登录' });
    const front = new Response('<html>413 Request Entity Too Large</html>', { status: 413 });
    expect(await readImportAnswer(front, () => {})).toEqual({ ok: false, error: '文件过大（上限 10 MB）' });
  });
  it('says the import did not finish when the answer stops before a result', async () => {
    expect(await readImportAnswer(streamed(['{"queued":0}\n']), () => {})).toEqual({
      ok: false,
      error: IMPORT_UNREADABLE,
    });
  });
  it('words the wait for the page', () => {
    expect(waitingMessage(0)).toBe('正在识别和处理，请稍候…');
    expect(waitingMessage(2)).toBe('排队中：前面还有 2 个导入，请不要关闭页面');
  });
});
