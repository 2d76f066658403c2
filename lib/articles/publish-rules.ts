// Content rules checked before readers get a story (pure).
import { figuresMissingAlt } from '../content/figures';
import type { DocNode } from '../content/types';

/** Alt text is required on every image before publishing (screen readers). */
export function publishBlockers(body: string): string[] {
  const missing = figuresMissingAlt(JSON.parse(body) as DocNode);
  return missing ? [`${missing} 张图片还没有替代文字`] : [];
}
