// Below the body in the editor: how far an upload has got, why one failed,
// and the hidden file input that 上传图片 opens. The state comes from useImageInsertion.
import type { RefObject } from 'react';

type Props = {
  uploading: { name: string; fraction: number } | null;
  uploadError: string | null;
  fileInput: RefObject<HTMLInputElement | null>;
  uploadChosen: (file: File) => Promise<unknown>;
};

export function ImageUploadFeedback({ uploading, uploadError, fileInput, uploadChosen }: Props) {
  return (
    <>
      {uploading ? (
        <p
          role="status"
          className="flex items-center gap-2 border-t border-stone-300 p-2 text-sm dark:border-stone-700"
          data-testid="upload-progress"
        >
          正在上传 {uploading.name}
          <progress max={1} value={uploading.fraction} aria-label="上传进度" className="w-40" />
          {Math.round(uploading.fraction * 100)}%
        </p>
      ) : null}
      {uploadError ? (
        <p
          role="alert"
          className="border-t border-stone-300 p-2 text-sm text-red-700 dark:border-stone-700 dark:text-red-400"
        >
          图片没有上传：{uploadError}
        </p>
      ) : null}
      <input
        ref={fileInput}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        aria-label="选择要上传的图片"
        className="sr-only"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) await uploadChosen(file);
        }}
      />
    </>
  );
}
