// The lines above a story (引题 / 主题 / 副题). Print sets them in different type; the text export
// keeps only their order, so the roles come from order, punctuation and length.
import type { Line } from './blocks';
import { charLength } from './patterns';
import { field, type FoundField } from './report';

export type Titles = {
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  fields: Record<string, FoundField>;
};

const KICKER_LOOK = /[·•—]|篇$|\S\s+\S/u;
const EXCLAIMED = /[！？!?]$/u;

/** A title line ending in a comma goes on in the next line (a headline set in two lines). */
function joinBrokenTitles(lines: Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    if (previous && /[，,、：:]$/u.test(previous.text))
      joined[joined.length - 1] = { text: previous.text + line.text, number: previous.number };
    else joined.push(line);
  }
  return joined;
}

/** `groups`: the title lines as they were grouped in blocks (a kicker often stands in a block of its own). */
/** A line set after a dash (——副题) is the subheadline, whatever stands above it. */
const DASHED = /^(?:——|—|--|──)/u;

/**
 * The roles the PDF's type sizes and weights give title lines (page-analysis.ts): the largest type is
 * the 主题; 'subheading', a bold line at body size inside a story, is no title role.
 */
export type TitleRoles = ReadonlyMap<string, 'kicker' | 'headline' | 'subheadline' | 'subheading'>;

function byRoles(lines: Line[], roles: TitleRoles): Titles | null {
  const headline = lines.filter((line) => roles.get(line.text) === 'headline');
  const titled = (line: Line) => roles.has(line.text) && roles.get(line.text) !== 'subheading';
  if (headline.length !== 1 || !lines.every(titled)) return null;
  const fields: Record<string, FoundField> = { headline: field(headline[0]!.text, 'high', headline[0]!.number) };
  const joined = (role: 'kicker' | 'subheadline') => {
    const found = lines.filter((line) => roles.get(line.text) === role);
    if (!found.length) return null;
    const text = found.map((line) => line.text).join(' ');
    fields[role] = field(text, 'high', found[0]!.number);
    return text;
  };
  return { kicker: joined('kicker'), headline: headline[0]!.text, subheadline: joined('subheadline'), fields };
}

export function readTitles(groups: Line[][], roles: TitleRoles = new Map()): Titles {
  const sized = byRoles(groups.flat(), roles);
  if (sized) return sized;
  const all = joinBrokenTitles(groups.flat());
  const dashed = all.length > 1 && DASHED.test(all.at(-1)!.text) ? all.at(-1)! : null;
  if (dashed) {
    const above = readTitles([all.slice(0, -1)]);
    const fields = { ...above.fields, subheadline: field(dashed.text, 'high', dashed.number) };
    if (above.subheadline) {
      // Three lines above a dash: kicker, headline and the dashed subheadline; the middle line joins the headline.
      return {
        kicker: above.kicker,
        headline: `${above.headline} ${above.subheadline}`,
        subheadline: dashed.text,
        fields: {
          ...fields,
          headline: field(`${above.headline} ${above.subheadline}`, 'low', above.fields.headline!.line),
        },
      };
    }
    return { kicker: above.kicker, headline: above.headline, subheadline: dashed.text, fields };
  }
  const lines = all;
  const fields: Record<string, FoundField> = {};
  const at = (index: number) => lines[index]!;
  if (lines.length === 1) {
    fields.headline = field(at(0).text, 'high', at(0).number);
    return { kicker: null, headline: at(0).text, subheadline: null, fields };
  }
  if (lines.length >= 3) {
    const [first, second, ...rest] = lines as [Line, Line, ...Line[]];
    const sub = rest.map((line) => line.text).join(' ');
    fields.kicker = field(first.text, 'medium', first.number);
    fields.headline = field(second.text, 'medium', second.number);
    fields.subheadline = field(sub, 'medium', rest[0]!.number);
    return { kicker: first.text, headline: second.text, subheadline: sub, fields };
  }
  const [first, second] = lines as [Line, Line];
  const separateBlocks = groups.length > 1;
  let kickerFirst: boolean;
  let confidence: 'high' | 'medium' | 'low' = 'medium';
  if (EXCLAIMED.test(first.text)) kickerFirst = false;
  else if (separateBlocks || KICKER_LOOK.test(first.text)) kickerFirst = true;
  else {
    kickerFirst = charLength(second.text) >= charLength(first.text) * 0.6;
    confidence = 'low';
  }
  if (kickerFirst) {
    fields.kicker = field(first.text, confidence, first.number);
    fields.headline = field(second.text, confidence, second.number);
    return { kicker: first.text, headline: second.text, subheadline: null, fields };
  }
  fields.headline = field(first.text, confidence, first.number);
  fields.subheadline = field(second.text, confidence, second.number);
  return { kicker: null, headline: first.text, subheadline: second.text, fields };
}
