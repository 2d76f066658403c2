// The type of an uploaded image from its first bytes, not from its name or the browser's claim.
// Only raster formats readers' browsers show safely; SVG (which can carry scripts) is refused.
export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** 60 megapixels: more than any camera a reporter carries; decoding more would exhaust the server. */
export const MAX_PIXELS = 60_000_000;

export function sniffImage(bytes: Uint8Array): ImageType | null {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61)
    return 'image/gif';
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp';
  return null;
}

/** Null when acceptable, otherwise the message to show. */
export function uploadProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件为空';
  if (bytes.length > MAX_UPLOAD_BYTES) return '图片不能超过 10 MB';
  if (sniffImage(bytes)) return null;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).toLowerCase();
  if (head.includes('<svg')) return '不支持 SVG 图片（可能含有脚本），请转换为 PNG 或 JPEG';
  return '只支持 JPEG、PNG、WebP 和 GIF 图片';
}

/** Null when the image's size in pixels can be processed, otherwise the message to show. */
export function pixelProblem(width: number, height: number): string | null {
  if (width * height <= MAX_PIXELS) return null;
  return `图片像素太多（${width}×${height}），最多 ${MAX_PIXELS / 10_000} 万像素，请缩小尺寸后再上传`;
}
