// The lists every install starts with (审校词库 shows and edits them; docs/architecture.md: Proofing).
import type { ProofingEntry } from '../kinds';
import { AD_LAW } from './ad-law';
import { SENSITIVE } from './sensitive';
import { TERMS } from './terms';
import { TITLES } from './titles';
import { TYPOS } from './typos';

export const DEFAULT_LISTS: readonly ProofingEntry[] = [...TERMS, ...SENSITIVE, ...AD_LAW, ...TYPOS, ...TITLES];
