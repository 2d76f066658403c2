import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { SAMPLE_ISSUE_FILE, sampleIssue } from '../../seeds/sample-issue';
import { confirmState, draftSchema, fromDraft, needsBeforeSave, stillToCheck, toDraft } from './draft';
import {
  confirmBlock,
  dropUnplaced,
  markArticleChecked,
  mergeIntoPrevious,
  moveBlock,
  placeUnplaced,
  setArticleField,
  setMastheadField,
  splitArticle,
} from './draft-edits';
import { parseIssue } from './parse-issue';

const seedText = fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds', SAMPLE_ISSUE_FILE), 'utf8');
const unsure = parseIssue(
  '2020年8月24日\n\n第1版\n\n柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。\n\n城区新增车位\n\n为缓解停车难，城区新增车位800个。\n\n一行没有归属的说明',
);

describe('the import draft', () => {
  it('goes back to exactly the issue it came from when nothing is changed', () => {
    const draft = toDraft(parseIssue(seedText));
    expect(fromDraft(draft)).toEqual(sampleIssue);
    expect(draftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
  });

  it('asks for what is missing before saving, and the confirm button says so', () => {
    const draft = toDraft(unsure);
    expect(draft.check).toEqual(['number']);
    expect(needsBeforeSave(draft)).toEqual(['期号']);
    expect(confirmState(draft)).toEqual({ disabled: true, label: '还需填写：期号' });
    const numbered = setMastheadField(draft, 'number', '1706');
    expect(numbered.check).toEqual([]);
    expect(stillToCheck(numbered)).toEqual({ fields: 0, headings: 1, unplaced: 1 });
    expect(confirmState(numbered)).toEqual({
      disabled: false,
      label: '确认导入为草稿（仍有1个小标题待确认、1行未归类）',
    });
  });

  it('makes an unsure subheading a story of its own, with the paragraphs after it', () => {
    const draft = setMastheadField(toDraft(unsure), 'number', '1706');
    const [story] = draft.stories;
    const heading = story!.blocks.find((block) => block.unsure)!;
    const split = splitArticle(draft, story!.key, heading.key);
    expect(split.stories.map((item) => [item.fields.headline, item.blocks.map((block) => block.text)])).toEqual([
      ['柯城开展大检查', ['检查组一行来到化工园区。']],
      ['城区新增车位', ['为缓解停车难，城区新增车位800个。']],
    ]);
    expect(fromDraft(split).stories[1]).toMatchObject({
      page: 1,
      headline: '城区新增车位',
      dateline: null,
      byline: null,
      authors: [],
    });
    expect(confirmBlock(draft, story!.key, heading.key).stories[0]!.blocks.some((block) => block.unsure)).toBe(false);
  });

  it('merges a story split off wrongly back into the one before, its headline becoming a subheading', () => {
    const draft = toDraft(parseIssue(seedText));
    const merged = mergeIntoPrevious(draft, draft.stories[1]!.key);
    expect(merged.stories).toHaveLength(draft.stories.length - 1);
    const blocks = merged.stories[0]!.blocks;
    expect(blocks.slice(draft.stories[0]!.blocks.length).map((block) => block.text)).toEqual([
      '柯城区人民医院干部职工大会召开',
      ...draft.stories[1]!.blocks.map((block) => block.text),
    ]);
    expect(blocks[draft.stories[0]!.blocks.length]!.kind).toBe('heading');
    expect(mergeIntoPrevious(draft, draft.stories[0]!.key)).toBe(draft);
  });

  it('moves a block, places an unplaced line, drops one, and edits fields', () => {
    let draft = setMastheadField(toDraft(unsure), 'number', '1706');
    draft = splitArticle(draft, draft.stories[0]!.key, draft.stories[0]!.blocks[1]!.key);
    const [first, second] = draft.stories;
    draft = moveBlock(draft, second!.key, second!.blocks[0]!.key, first!.key);
    expect(draft.stories[0]!.blocks.map((block) => block.text)).toEqual([
      '检查组一行来到化工园区。',
      '为缓解停车难，城区新增车位800个。',
    ]);
    draft = placeUnplaced(draft, draft.unplaced[0]!.key, second!.key);
    expect(draft.unplaced).toEqual([]);
    expect(draft.stories[1]!.blocks.map((block) => block.text)).toEqual(['一行没有归属的说明']);
    draft = setArticleField(draft, second!.key, 'byline', '●通讯员 李华 王芳');
    expect(fromDraft(draft).stories[1]!.authors).toEqual([
      { name: '李华', label: '通讯员' },
      { name: '王芳', label: '通讯员' },
    ]);
    expect(dropUnplaced(toDraft(unsure), toDraft(unsure).unplaced[0]!.key).unplaced).toEqual([]);
  });

  it('forgets a flag once the editor has looked at the field', () => {
    const draft = toDraft(
      parseIssue('2020年8月24日\n\n第 1706 期\n\n新华社杭州6月4日电（记者 王一鸣）浙江省今年将新建美丽河湖100条。'),
    );
    expect(draft.stories[0]!.check).toEqual(['headline']);
    expect(needsBeforeSave(draft)).toEqual(['稿件1的主题']);
    expect(markArticleChecked(draft, draft.stories[0]!.key, 'headline').stories[0]!.check).toEqual([]);
    expect(needsBeforeSave(setArticleField(draft, draft.stories[0]!.key, 'headline', '我省新建美丽河湖100条'))).toEqual(
      [],
    );
  });

  it('takes a story of tens of thousands of paragraphs, as a 5 MB export with one long story has', () => {
    const paragraphs = Array.from(
      { length: 40_000 },
      (_, index) => `　　柯城区第${index}项工作落地见效，群众获得感持续增强。`,
    ).join('\n\n');
    const draft = toDraft(
      parseIssue(
        `2020年8月24日\n\n第1版\n\n柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。\n\n${paragraphs}`,
      ),
    );
    expect(Math.max(...draft.stories.map((story) => story.blocks.length))).toBeGreaterThan(30_000);
    expect(draftSchema.safeParse(JSON.parse(JSON.stringify(draft))).success).toBe(true);
  });

  it('refuses a posted draft with nodes the body may not hold', () => {
    const draft = JSON.parse(JSON.stringify(toDraft(parseIssue(seedText))));
    draft.stories[0].blocks[0].node = { type: 'iframe', attrs: { src: 'https://example.com' } };
    expect(draftSchema.safeParse(draft).success).toBe(false);
  });
});
