// The newsroom's import (导入期次): `?intent=preview&name=<file name>` with the file itself as the body,
// or `?intent=confirm[&replace=yes]` with the edited draft as JSON. Outside proxy.ts's matcher, so Next
// never buffers the body (lib/http/body-limits.ts): the wrapper checks the origin, the user and
// `issue:import` and the declared length first, then the body is read as it streams and cut off past
// its limit. The work runs in a child process, one at a time per instance (lib/importer/import-queue.ts,
// import-process.ts). The answer is a stream of JSON lines: `{"queued":n}` whenever the number of
// imports ahead changes (0: now running), then the result, `{ ok, … }` as the page's form shows it.
import { privateRoute, readRouteBody, RouteRefusal } from '@/lib/http/route';
import { MAX_IMPORT_BYTES } from '@/lib/importer/decode';
import { runImportProcess, type ImportRequest } from '@/lib/importer/import-process';
import { importQueue } from '@/lib/importer/import-queue';
import { DRAFT_TOO_LARGE, FILE_TOO_LARGE, MAX_DRAFT_BYTES } from '@/lib/importer/import-work';

const body = { maxBytes: MAX_DRAFT_BYTES, tooLarge: DRAFT_TOO_LARGE, lengthRequired: '请求无效：缺少长度' };

export const POST = privateRoute({ capability: 'issue:import', body }, async (request, user) => {
  const url = new URL(request.url);
  const intent = url.searchParams.get('intent');
  if (intent !== 'preview' && intent !== 'confirm') throw new RouteRefusal(400, '请求无效：缺少导入步骤');
  const [limit, tooLarge] =
    intent === 'preview' ? [MAX_IMPORT_BYTES, FILE_TOO_LARGE] : [MAX_DRAFT_BYTES, DRAFT_TOO_LARGE];
  if (Number(request.headers.get('content-length')) > limit) throw new RouteRefusal(413, tooLarge);
  const bytes = await readRouteBody(request, limit, tooLarge);
  const job: ImportRequest =
    intent === 'preview'
      ? { kind: 'preview', fileName: (url.searchParams.get('name') ?? '').slice(0, 200), bytes }
      : { kind: 'confirm', bytes, actorId: user.id, replace: url.searchParams.get('replace') === 'yes' };
  const encoder = new TextEncoder();
  // A person who leaves the page while waiting gives up their place: their import never starts.
  let left = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const line = (text: string) => {
        if (!left) controller.enqueue(encoder.encode(`${text}\n`));
      };
      void importQueue
        .add({
          run: () => (left ? Promise.resolve('') : runImportProcess(job)),
          onPosition: (ahead) => line(JSON.stringify({ queued: ahead })),
        })
        .then((result) => {
          line(result);
          if (!left) controller.close();
        });
    },
    cancel() {
      left = true;
    },
  });
  return new Response(stream, {
    status: 200,
    // nginx passes each line on as it comes (deploy/nginx: this location does not buffer either way).
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'X-Accel-Buffering': 'no' },
  });
});
