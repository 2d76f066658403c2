'use client';
// 题图: the story's cover image, chosen from the media library or removed.
type Props = { url: string | null; chosen: boolean; onChoose: () => void; onRemove: () => void };

export function CoverField({ url, chosen, onChoose, onRemove }: Props) {
  return (
    <div className="text-sm">
      <span className="font-medium">题图</span>
      <div className="mt-1 flex items-center gap-3">
        {url ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own web copy
          <img src={url} alt="题图" className="h-16 w-24 object-cover" />
        ) : (
          <span className="text-stone-500">未设置</span>
        )}
        <button type="button" className="underline" onClick={onChoose}>
          选择
        </button>
        {chosen ? (
          <button type="button" className="underline" onClick={onRemove}>
            移除
          </button>
        ) : null}
      </div>
    </div>
  );
}
