// Content rules checked before readers get a story (pure).
import { figuresMissingAlt } from '../content/figures';
import { parseDoc } from '../content/doc-json';

/** Alt text is required on every image before publishing (screen readers). */
export function publishBlockers(body: string): string[] {
  const missing = figuresMissingAlt(parseDoc(body));
  return missing ? [`${missing} 张图片还没有替代文字`] : [];
}
