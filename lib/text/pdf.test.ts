import { describe, expect, it } from 'vitest';

import { foldForMatching } from '../epaper/match-areas';
import { decodeImportFile } from '../importer/decode';
import { highlightTerms } from '../search/snippet';
import { tokenize } from '../search/tokenizer';
import { foldRadicals } from './pdf';

// Written by hand from the code charts, not from the generated table: each Kangxi radical whose
// character has a simplified form in GB 2312, and the C-simplified radicals of the supplement.
const KANGXI_SIMPLIFIED: ReadonlyArray<[string, string]> = [
  ['\u2f3e', '户'], // ⼾ DOOR (NFKC gives 戶)
  ['\u2fa8', '门'], // ⾨ GATE
  ['\u2f92', '见'], // ⾒ SEE
  ['\u2f99', '贝'], // ⾙ SHELL
  ['\u2f9e', '车'], // ⾞ CART
  ['\u2fa7', '长'], // ⾧ LONG
  ['\u2fba', '马'], // ⾺ HORSE
  ['\u2fc3', '鸟'], // ⿃ BIRD
  ['\u2fb1', '韦'], // ⾱ TANNED LEATHER
  ['\u2fb4', '页'], // ⾴ LEAF
  ['\u2fb5', '风'], // ⾵ WIND
  ['\u2fb6', '飞'], // ⾶ FLY
  ['\u2fbe', '斗'], // ⾾ FIGHT (鬥)
  ['\u2fc2', '鱼'], // ⿂ FISH
  ['\u2fc4', '卤'], // ⿄ SALT
  ['\u2fc6', '麦'], // ⿆ WHEAT
  ['\u2fc8', '黄'], // ⿈ YELLOW
  ['\u2fcc', '黾'], // ⿌ FROG
  ['\u2fd1', '齐'], // ⿑ EVEN
  ['\u2fd2', '齿'], // ⿒ TOOTH
  ['\u2fd3', '龙'], // ⿓ DRAGON
  ['\u2fd4', '龟'], // ⿔ TURTLE
  ['\u2fad', '青'], // ⾭ BLUE (靑 in the data)
];
const SUPPLEMENT_SIMPLIFIED: ReadonlyArray<[string, string]> = [
  ['\u2ec5', '见'],
  ['\u2ec9', '贝'],
  ['\u2ecb', '车'],
  ['\u2ed3', '长'],
  ['\u2ed4', '门'],
  ['\u2ed9', '韦'],
  ['\u2eda', '页'],
  ['\u2edb', '风'],
  ['\u2edc', '飞'],
  ['\u2ee2', '马'],
  ['\u2ee6', '鸟'],
  ['\u2ee5', '鱼'],
  ['\u2ee7', '卤'],
  ['\u2ee8', '麦'],
  ['\u2ee9', '黄'],
  ['\u2eea', '黾'],
  ['\u2eec', '齐'],
  ['\u2eee', '齿'],
  ['\u2ef0', '龙'],
  ['\u2ef3', '龟'],
];
// Radicals whose character is the same in simplified and traditional text.
const UNCHANGED_FORMS: ReadonlyArray<[string, string]> = [
  ['\u2f00', '一'],
  ['\u2f47', '日'],
  ['\u2f49', '月'],
  ['\u2f2f', '工'],
  ['\u2f33', '幺'], // ⼳ stays 幺, though Unihan calls 么 its simplified variant
  ['\u2ea0', '民'],
  ['\u2ec4', '西'],
];

describe('foldRadicals', () => {
  it.each([...KANGXI_SIMPLIFIED, ...SUPPLEMENT_SIMPLIFIED, ...UNCHANGED_FORMS])('%s → %s', (radical, expected) => {
    expect(foldRadicals(radical)).toBe(expected);
  });

  it('leaves no radical of either block that Unicode gives an ideograph for', () => {
    // U+2E80 REPEAT, U+2E9A and U+2EF4–U+2EFF (unassigned) and U+2FD6–U+2FDF (unassigned) have none.
    const left: string[] = [];
    for (let cp = 0x2e80; cp <= 0x2fdf; cp += 1) {
      const char = String.fromCodePoint(cp);
      if (foldRadicals(char) === char) left.push(cp.toString(16));
    }
    const unassigned = (cp: number) => cp === 0x2e9a || (cp >= 0x2ef4 && cp <= 0x2eff) || cp >= 0x2fd6;
    expect(left.filter((hex) => !unassigned(Number.parseInt(hex, 16)))).toEqual(['2e80']);
  });

  it('changes nothing but radicals (full-width punctuation stays)', () => {
    expect(foldRadicals('种植大\u2f3e，农\u2f3e：（柯城）')).toBe('种植大户，农户：（柯城）');
  });

  it('is used where text comes in and is compared: import, area matching and search', () => {
    const decoded = decodeImportFile(new TextEncoder().encode('种植大\u2f3e带动农\u2f3e增收'));
    expect(decoded).toMatchObject({ ok: true, text: '种植大户带动农户增收' });
    expect(foldForMatching('种植大\u2f3e')).toBe('种植大户');
    expect(tokenize('农\u2f3e')).toEqual(tokenize('农户'));
    expect(highlightTerms('大\u2f3e')).toEqual(['大户']);
  });
});
