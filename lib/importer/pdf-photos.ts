// A photo drawn on a PDF page → a JPEG at the image's own pixel size, for the media library. pdf.js
// decodes the image (whatever the PDF stored: DCT, Flate, JPX) into raw pixels, handed over by the
// paint operator's object id (page objects, or the document's when shared, "g_…"); sharp writes
// the JPEG. JPEG, not PNG: the photo travels in the report's draft to the confirm step, and a
// photo's lossless PNG is several times the size of the DCT data the PDF held.
import sharp from 'sharp';

/** pdf.js's image kinds (ImageKind): 1-bit grey packed in bytes, RGB, RGBA. */
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;
const RGBA_32BPP = 3;

/** A longer side is scaled down to this (the media store keeps 1,600 px web sizes at most). */
const LONGEST = 3200;

export type PdfImageData = { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray };
export type EncodedPhoto = { bytes: Uint8Array; width: number; height: number };

type ObjectStore = { get(id: string, callback: (value: unknown) => void): unknown };

const IMAGE_WAIT_MS = 10_000;
export type PageObjects = { objs: ObjectStore; commonObjs: ObjectStore };

function isImageData(value: unknown): value is PdfImageData {
  const image = value as PdfImageData | null;
  return Boolean(image && typeof image.width === 'number' && typeof image.height === 'number' && image.data);
}

/** The decoded image a paint operator drew (its argument `ref`), or null when pdf.js holds none. */
export async function pdfImageOf(page: PageObjects, ref: unknown): Promise<PdfImageData | null> {
  if (isImageData(ref)) return ref;
  if (typeof ref !== 'string') return null;
  const store = ref.startsWith('g_') ? page.commonObjs : page.objs;
  // The worker sends an image's pixels after the operator list that paints it: wait for them, not forever.
  let timer: NodeJS.Timeout | undefined;
  const value = await Promise.race([
    new Promise<unknown>((resolve) => store.get(ref, resolve)),
    new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), IMAGE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  return isImageData(value) ? value : null;
}

/** Raw pixels → channels sharp reads (1-bit grey unpacked to 8-bit grey). */
function rawOf(image: PdfImageData): { pixels: Buffer; channels: 1 | 3 | 4 } | null {
  const data = image.data!;
  const { width, height } = image;
  if (image.kind === RGB_24BPP && data.length >= width * height * 3)
    return { pixels: Buffer.from(data.buffer, data.byteOffset, width * height * 3), channels: 3 };
  if (image.kind === RGBA_32BPP && data.length >= width * height * 4)
    return { pixels: Buffer.from(data.buffer, data.byteOffset, width * height * 4), channels: 4 };
  if (image.kind === GRAYSCALE_1BPP) {
    const stride = Math.ceil(width / 8);
    if (data.length < stride * height) return null;
    const pixels = Buffer.alloc(width * height);
    for (let y = 0; y < height; y += 1)
      for (let x = 0; x < width; x += 1)
        pixels[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
    return { pixels, channels: 1 };
  }
  return null;
}

export async function encodePhoto(image: PdfImageData): Promise<EncodedPhoto | null> {
  const raw = rawOf(image);
  if (!raw) return null;
  const { data, info } = await sharp(raw.pixels, {
    raw: { width: image.width, height: image.height, channels: raw.channels },
  })
    .flatten({ background: '#ffffff' })
    .resize({ width: LONGEST, height: LONGEST, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}
