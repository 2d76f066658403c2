// 审校 (docs/architecture.md: Proofing): the kinds of list and the levels of a hit. Pure.

export const PROOFING_KINDS = ['TERM', 'SENSITIVE', 'AD_LAW', 'TYPO', 'TITLE'] as const;
export type ProofingKind = (typeof PROOFING_KINDS)[number];

export const PROOFING_KIND_LABELS: Record<ProofingKind, string> = {
  TERM: '规范用语',
  SENSITIVE: '敏感词',
  AD_LAW: '广告法极限词',
  TYPO: '错别字',
  TITLE: '人名职务',
};

/** Mildest first: the order the review panel lists them in reverse. */
export const PROOFING_LEVELS = ['HINT', 'WARN', 'BLOCK'] as const;
export type ProofingLevel = (typeof PROOFING_LEVELS)[number];

export const PROOFING_LEVEL_LABELS: Record<ProofingLevel, string> = { HINT: '提示', WARN: '警告', BLOCK: '禁止' };

/**
 * One list entry. For `TITLE` the term is a person's name and the suggestion their titles in the
 * order they are written, joined with 、, optionally followed by ；and further accepted short forms
 * (习近平: 中共中央总书记、国家主席、中央军委主席；总书记).
 */
export type ProofingEntry = {
  kind: ProofingKind;
  term: string;
  suggestion: string;
  level: ProofingLevel;
  source: string;
};

export function isProofingKind(value: string): value is ProofingKind {
  return (PROOFING_KINDS as readonly string[]).includes(value);
}

export function isProofingLevel(value: string): value is ProofingLevel {
  return (PROOFING_LEVELS as readonly string[]).includes(value);
}

export function levelFromLabel(label: string): ProofingLevel | null {
  const found = PROOFING_LEVELS.find((level) => PROOFING_LEVEL_LABELS[level] === label || level === label);
  return found ?? null;
}

export function kindFromLabel(label: string): ProofingKind | null {
  const found = PROOFING_KINDS.find((kind) => PROOFING_KIND_LABELS[kind] === label || kind === label);
  return found ?? null;
}

/** A suggestion 替换 can put in the text: words, not an instruction in brackets (（不使用）, 宜加引号 …). */
export function isReplacement(suggestion: string): boolean {
  return suggestion.trim() !== '' && !/[（(]/.test(suggestion);
}
