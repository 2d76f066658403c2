'use client';

// Images into the body: upload with progress (file button, paste, drop), then a figure after the
// selection; or a figure from the media library.
import type { Editor } from '@tiptap/react';
import { useRef, useState, type RefObject } from 'react';

import type { LibraryItem } from './media-picker';
import { uploadImage } from './upload-image';

export type Media = { id: string; url: string; alt: string; caption: string | null; width: number; height: number };

/** After the selection, never over it: a figure just inserted is selected, and a second upload
 * finishing must not replace it (nor may an upload replace text the writer had selected). */
export function insertFigure(current: Editor | null, media: Media | LibraryItem): void {
  if (!current) return;
  current
    .chain()
    .focus()
    .insertContentAt(current.state.selection.to, {
      type: 'figure',
      attrs: {
        src: 'fullUrl' in media ? media.fullUrl : media.url,
        alt: media.alt,
        caption: media.caption ?? '',
        mediaId: media.id,
        width: media.width,
        height: media.height,
      },
    })
    .run();
}

export function isImageFile(file: File): boolean {
  return file.type.startsWith('image/') || /\.(jpe?g|png|gif|webp|svg)$/i.test(file.name);
}

export function useImageInsertion(editorRef: RefObject<Editor | null>) {
  const [uploading, setUploading] = useState<{ name: string; fraction: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function upload(file: File): Promise<Media | null> {
    setUploadError(null);
    setUploading({ name: file.name, fraction: 0 });
    const result = await uploadImage(file, (fraction) => setUploading({ name: file.name, fraction }));
    setUploading(null);
    if (!result.ok) {
      setUploadError(`${file.name}：${result.error}`);
      return null;
    }
    return result.media;
  }

  /** For paste and drop: true when there were images to take (the editor then ignores the event). */
  function insertFiles(files: File[]): boolean {
    const images = files.filter(isImageFile);
    if (images.length === 0) return false;
    void (async () => {
      for (const file of images) {
        const media = await upload(file);
        if (media) insertFigure(editorRef.current, media);
      }
    })();
    return true;
  }

  async function uploadChosen(file: File): Promise<void> {
    const media = await upload(file);
    if (media) insertFigure(editorRef.current, media);
  }

  return { uploading, uploadError, fileInput, insertFiles, uploadChosen };
}
