// Sends a page PDF to /api/newsroom/epaper with XMLHttpRequest (fetch cannot report upload progress).
export type UploadAnswer = { ok: true; message: string } | { ok: false; error: string };

/** The issue by its id (the planner) or by its number (the import page, which knows only that). */
export function uploadPdf(
  file: File,
  issue: string | { issueNumber: number },
  page: number | 'all',
  onProgress: (percent: number) => void,
): Promise<UploadAnswer> {
  const which = typeof issue === 'string' ? `issueId=${encodeURIComponent(issue)}` : `issueNumber=${issue.issueNumber}`;
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/newsroom/epaper?${which}&page=${page}`);
    request.setRequestHeader('Content-Type', 'application/pdf');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      try {
        const body = JSON.parse(request.responseText) as { ok: boolean; message?: string; error?: string };
        resolve(
          body.ok ? { ok: true, message: body.message ?? '已上传' } : { ok: false, error: body.error ?? '上传失败' },
        );
      } catch {
        resolve({ ok: false, error: request.status === 413 ? 'PDF 不能超过 60 MB' : `上传失败（${request.status}）` });
      }
    };
    request.onerror = () => resolve({ ok: false, error: '网络中断，上传没有完成，请重试' });
    request.send(file);
  });
}
