// The import process (lib/importer/import-process.ts starts one per import step): takes one request
// over IPC, runs it against the database the web server uses (its environment), sends the answer as
// JSON and exits. Never started by hand.
import { resolveMediaDir } from '../lib/config/media-dir';
import { createPrismaClient } from '../lib/db-client';
import type { ImportReply, ImportRequest } from '../lib/importer/import-process';
import { confirmImport, previewImport, type ImportOutcomeResult } from '../lib/importer/import-work';

async function handle(request: ImportRequest): Promise<ImportOutcomeResult> {
  const db = createPrismaClient();
  try {
    return request.kind === 'preview'
      ? await previewImport(db, request.bytes, request.fileName)
      : await confirmImport(db, new TextDecoder().decode(request.bytes), {
          actorId: request.actorId,
          replace: request.replace,
          mediaDir: resolveMediaDir(process.env),
        });
  } finally {
    await db.$disconnect();
  }
}

process.once('message', (request: ImportRequest) => {
  handle(request)
    .catch((error: unknown): ImportOutcomeResult => {
      console.error('导入进程出错：', error);
      return { ok: false, error: '导入失败，没有写入。请重试，或把文件交给管理员' };
    })
    .then((result) => {
      const reply: ImportReply = { body: JSON.stringify(result) };
      process.send?.(reply, () => process.exit(0));
    });
});
