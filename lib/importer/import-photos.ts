// The confirm step's photos: a figure the draft carries as a JPEG data URL (a photo the PDF held,
// pdf-layout.ts) goes into the media library with its caption and alt text, and the figure then
// points at the stored image like one the editor inserted. The same photo imported again is stored
// once (the library keys files by content). Runs before the issue's transaction: a photo the library
// refuses stops the import with its sentence before anything of the issue is written.
import type { DocNode } from '../content/types';
import type { Db } from '../db-client';
import type { StructuredIssue } from '../issues/structured';
import { mediaUrl, storeImage } from '../media/store';
import { DRAFT_PHOTO_SRC } from './draft';

type FigureAttrs = { src?: unknown; alt?: unknown; caption?: unknown };

async function storedNode(db: Db, node: DocNode, options: { actorId: string; mediaDir: string }): Promise<DocNode> {
  const attrs = (node.attrs ?? {}) as FigureAttrs;
  if (node.type !== 'figure' || typeof attrs.src !== 'string' || !DRAFT_PHOTO_SRC.test(attrs.src)) return node;
  const bytes = new Uint8Array(Buffer.from(attrs.src.slice(attrs.src.indexOf(',') + 1), 'base64'));
  const media = await storeImage(db, {
    bytes,
    alt: typeof attrs.alt === 'string' ? attrs.alt : '',
    caption: typeof attrs.caption === 'string' ? attrs.caption : null,
    uploaderId: options.actorId,
    mediaDir: options.mediaDir,
  });
  return {
    ...node,
    attrs: {
      ...node.attrs,
      src: mediaUrl(media.storageKey),
      mediaId: media.id,
      width: media.width,
      height: media.height,
    },
  };
}

export async function storeImportedPhotos(
  db: Db,
  issue: StructuredIssue,
  options: { actorId: string; mediaDir: string },
): Promise<StructuredIssue> {
  const stories = [];
  for (const story of issue.stories) {
    const content = [];
    for (const node of story.body.content) content.push(await storedNode(db, node, options));
    stories.push({ ...story, body: { ...story.body, content } });
  }
  return { ...issue, stories };
}
