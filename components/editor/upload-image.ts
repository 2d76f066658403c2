// Sends one image to /api/media with XMLHttpRequest (fetch cannot report upload progress). A file
// over the limit is refused here, before a byte is sent; the server checks again.
import { MAX_UPLOAD_BYTES } from '@/lib/media/sniff';

export type UploadedMedia = {
  id: string;
  url: string;
  alt: string;
  caption: string | null;
  width: number;
  height: number;
};
export type UploadOutcome = { ok: true; media: UploadedMedia } | { ok: false; error: string };

export const UPLOAD_TOO_LARGE = '图片不能超过 10 MB';

export function uploadImage(file: File, onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  if (file.size > MAX_UPLOAD_BYTES) return Promise.resolve({ ok: false, error: UPLOAD_TOO_LARGE });
  const data = new FormData();
  data.set('file', file);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/media');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as UploadOutcome | null;
      if (body && typeof body === 'object' && 'ok' in body) resolve(body);
      else resolve({ ok: false, error: `上传失败（服务器返回 ${request.status}），请重试` });
    };
    request.onerror = () => resolve({ ok: false, error: '网络错误，图片没有上传，请重试' });
    request.send(data);
  });
}
