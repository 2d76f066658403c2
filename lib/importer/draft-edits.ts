// The fixes an editor makes on the report page, as pure functions from draft to draft: edit a field
// (which counts as having looked at it), mark a field as checked, move a block to another story,
// split a story into two from a block on, merge a story into the one before, put an unplaced line into
// a story, or drop it.
import { heading } from '../content/builders';
import {
  draftBlock,
  paragraphBlock,
  type ArticleField,
  type DraftArticle,
  type ImportDraft,
  type MastheadField,
} from './draft';

export function setMastheadField(draft: ImportDraft, name: MastheadField, value: string): ImportDraft {
  return {
    ...draft,
    masthead: { ...draft.masthead, [name]: value },
    check: draft.check.filter((field) => field !== name),
  };
}

export function markMastheadChecked(draft: ImportDraft, name: MastheadField): ImportDraft {
  return { ...draft, check: draft.check.filter((field) => field !== name) };
}

function updateArticle(draft: ImportDraft, key: string, change: (story: DraftArticle) => DraftArticle): ImportDraft {
  return { ...draft, stories: draft.stories.map((story) => (story.key === key ? change(story) : story)) };
}

export function setArticleField(draft: ImportDraft, key: string, name: ArticleField, value: string): ImportDraft {
  return updateArticle(draft, key, (story) => ({
    ...story,
    fields: { ...story.fields, [name]: value },
    check: story.check.filter((field) => field !== name),
  }));
}

export function markArticleChecked(draft: ImportDraft, key: string, name: ArticleField): ImportDraft {
  return updateArticle(draft, key, (story) => ({ ...story, check: story.check.filter((field) => field !== name) }));
}

/** Keeps a subheading the importer was unsure of as a subheading. */
export function confirmBlock(draft: ImportDraft, articleKey: string, blockKey: string): ImportDraft {
  return updateArticle(draft, articleKey, (story) => ({
    ...story,
    blocks: story.blocks.map((block) => (block.key === blockKey ? { ...block, unsure: false } : block)),
  }));
}

/** Moves one block to the end of another story. */
export function moveBlock(draft: ImportDraft, fromKey: string, blockKey: string, toKey: string): ImportDraft {
  const block = draft.stories
    .find((story) => story.key === fromKey)
    ?.blocks.find((candidate) => candidate.key === blockKey);
  if (!block || fromKey === toKey || !draft.stories.some((story) => story.key === toKey)) return draft;
  const removed = updateArticle(draft, fromKey, (story) => ({
    ...story,
    blocks: story.blocks.filter((candidate) => candidate !== block),
  }));
  return updateArticle(removed, toKey, (story) => ({
    ...story,
    blocks: [...story.blocks, { ...block, unsure: false }],
  }));
}

function freshKey(draft: ImportDraft, prefix: string): string {
  const used = new Set([
    ...draft.stories.map((story) => story.key),
    ...draft.stories.flatMap((story) => story.blocks.map((block) => block.key)),
  ]);
  let index = draft.stories.length;
  while (used.has(`${prefix}${index}`)) index += 1;
  return `${prefix}${index}`;
}

/**
 * The block and everything after it become a story of its own, on the same page, right after this
 * one. A subheading that opens it becomes the new story's headline.
 */
export function splitArticle(draft: ImportDraft, articleKey: string, blockKey: string): ImportDraft {
  const index = draft.stories.findIndex((story) => story.key === articleKey);
  const source = draft.stories[index];
  const at = source?.blocks.findIndex((block) => block.key === blockKey) ?? -1;
  if (!source || at < 0) return draft;
  const [first, ...rest] = source.blocks.slice(at);
  const headline = first!.kind === 'heading' ? first!.text : '';
  const story: DraftArticle = {
    key: freshKey(draft, 'n'),
    line: source.line,
    continuedOn: [],
    fields: { kicker: '', headline, subheadline: '', dateline: '', byline: '', page: source.fields.page },
    check: headline ? [] : ['headline'],
    blocks: (first!.kind === 'heading' ? rest : [first!, ...rest]).map((block) => ({ ...block, unsure: false })),
    // The page analysis read the story whole: the split-off part's areas are drawn in the area editor.
    areas: [],
  };
  const kept = { ...source, blocks: source.blocks.slice(0, at) };
  return { ...draft, stories: [...draft.stories.slice(0, index), kept, story, ...draft.stories.slice(index + 1)] };
}

export function placeUnplaced(draft: ImportDraft, lineKey: string, articleKey: string): ImportDraft {
  const line = draft.unplaced.find((candidate) => candidate.key === lineKey);
  if (!line || !draft.stories.some((story) => story.key === articleKey)) return draft;
  const withLine = updateArticle(draft, articleKey, (story) => ({
    ...story,
    blocks: [...story.blocks, paragraphBlock(`${lineKey}p`, line.text)],
  }));
  return { ...withLine, unplaced: draft.unplaced.filter((candidate) => candidate !== line) };
}

export function dropUnplaced(draft: ImportDraft, lineKey: string): ImportDraft {
  return { ...draft, unplaced: draft.unplaced.filter((candidate) => candidate.key !== lineKey) };
}

/**
 * A story the importer split off wrongly goes back into the story before it: its headline (if any)
 * becomes a subheading there, then its blocks follow.
 */
export function mergeIntoPrevious(draft: ImportDraft, articleKey: string): ImportDraft {
  const index = draft.stories.findIndex((story) => story.key === articleKey);
  if (index < 1) return draft;
  const story = draft.stories[index]!;
  const previous = draft.stories[index - 1]!;
  const headline = story.fields.headline.trim();
  const blocks = [
    ...(headline ? [draftBlock(`${story.key}h`, heading(headline))] : []),
    ...story.blocks.map((block) => ({ ...block, unsure: false })),
  ];
  const merged = {
    ...previous,
    blocks: [...previous.blocks, ...blocks],
    continuedOn: [...new Set([...previous.continuedOn, ...story.continuedOn])],
  };
  return { ...draft, stories: [...draft.stories.slice(0, index - 1), merged, ...draft.stories.slice(index + 1)] };
}
