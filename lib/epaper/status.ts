// A scan's rendering state and how the planner words it (pure).

export const NO_TEXT_LAYER_AREAS =
  '这一版的 PDF 没有文字层（可能是扫描件），无法自动找到稿件区域：请在版面图上为每篇稿件画出区域';

export function scanStatusLabel(status: string, progress: number, error: string | null): string {
  switch (status) {
    case 'PENDING':
      return '等待生成版面图片…';
    case 'RENDERING':
      return `正在生成版面图片（${progress}%）`;
    case 'READY':
      return '版面图片已生成';
    default:
      return `版面图片生成失败：${error ?? '原因不明'}`;
  }
}

export function isUnfinished(status: string): boolean {
  return status === 'PENDING' || status === 'RENDERING';
}
