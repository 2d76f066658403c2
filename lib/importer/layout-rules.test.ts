// One rule per test, on small issue texts: each would go wrong without the rule it names.
import { describe, expect, it } from 'vitest';

import { toPlainText } from '../content/plain-text';
import { blockSummary } from './corpus-score';
import { parseIssue } from './parse-issue';

const MASTHEAD = '2020年8月24日 星期一\n\n第 1706 期\n\n第1版：要闻\n\n';
const parse = (body: string) => parseIssue(MASTHEAD + body);
const bodyOf = (story: { body: { content: Parameters<typeof blockSummary>[0][] } }) =>
  story.body.content.map(blockSummary);

describe('layout rules', () => {
  it('reads a byline set right under the headline, in the same block, as a byline (not a subheadline)', () => {
    const { issue } = parse(
      '柯城开展安全生产大检查\n■通讯员 周文博\n\n检查组一行先后来到化工园区和建筑工地，现场督促整改问题12个。',
    );
    expect(issue.stories[0]).toMatchObject({
      headline: '柯城开展安全生产大检查',
      subheadline: null,
      byline: '通讯员 周文博',
    });
  });

  it.each(['●记者 王一鸣 刘畅', '▲本报记者 王一鸣 刘畅', '记者 王一鸣 刘畅'])(
    'takes the byline with marker or none: %s',
    (line) => {
      const { issue } = parse(`全区召开会议\n\n${line}\n\n会议部署了下阶段的重点工作，要求各地抓好落实。`);
      expect(issue.stories[0]!.authors.map((author) => author.name)).toEqual(['王一鸣', '刘畅']);
    },
  );

  it('takes a byline in parentheses at the end of the story', () => {
    const { issue } = parse(
      '全区召开会议\n\n9月3日，全区召开会议。\n\n会议部署了下阶段的重点工作。（记者 张三 李四 通讯员 王五）',
    );
    expect(issue.stories[0]).toMatchObject({ byline: '记者 张三 李四 通讯员 王五' });
    expect(toPlainText(issue.stories[0]!.body)).not.toContain('记者');
  });

  it('makes the short title line above a table its caption, never the next story’s kicker', () => {
    const { issue } = parse(
      '经济运行稳中向好\n\n本报讯（记者 徐敏）上半年全区经济运行平稳。\n\n主要经济指标\n指标\t数值\n地区生产总值\t120.5亿元\n\n社区食堂开张\n\n本报讯（记者 严嘉慧）8月20日，社区食堂开张。',
    );
    expect(bodyOf(issue.stories[0]!)).toEqual([
      '上半年全区经济运行平稳。',
      '**主要经济指标',
      '[表格] 指标|数值 / 地区生产总值|120.5亿元',
    ]);
    expect(issue.stories[1]).toMatchObject({ kicker: null, headline: '社区食堂开张' });
  });

  it('makes a photo item a story of its own, never a subheading of the story before', () => {
    const { issue } = parse(
      '全区召开会议\n\n本报讯（记者 徐敏）会议部署了下阶段的重点工作。\n\n图片新闻\n\n秋收时节稻飘香\n\n8月22日，九华乡农民在稻田里抢收早稻。 记者 楼郁馨 摄',
    );
    expect(issue.stories).toHaveLength(2);
    expect(issue.stories[1]).toMatchObject({ kicker: '图片新闻', headline: '秋收时节稻飘香', byline: '记者 楼郁馨' });
    expect(bodyOf(issue.stories[0]!)).toEqual(['会议部署了下阶段的重点工作。']);
  });

  it('attaches 编者按 to the story below and 短评 / 记者手记 / 相关链接 to the story above', () => {
    const { issue } = parse(
      '编者按：本报今起推出系列报道。\n\n新农人\n90后小伙回乡种柑橘\n\n本报记者 叶芳\n\n三年前，他回到家乡承包了果园。\n\n短评\n让青年留得住\n\n乡村振兴，人才是关键。\n\n城区新增车位800个\n\n本报讯（记者 刘畅）今年以来，城区新增公共停车位800个。\n\n相关链接\n\n车位可通过手机查询。',
    );
    expect(issue.stories).toHaveLength(2);
    expect(bodyOf(issue.stories[0]!)).toEqual([
      '编者按：本报今起推出系列报道。',
      '三年前，他回到家乡承包了果园。',
      '## 短评',
      '## 让青年留得住',
      '乡村振兴，人才是关键。',
    ]);
    expect(bodyOf(issue.stories[1]!)).toEqual([
      '今年以来，城区新增公共停车位800个。',
      '## 相关链接',
      '车位可通过手机查询。',
    ]);
  });

  it('follows several jumps to non-adjacent pages, each to its own story', () => {
    const { issue, report } = parse(
      '会议召开\n\n本报讯（记者 徐敏）会议要求聚焦产业升级和（下转3版）\n\n工坊带动就业\n\n本报讯（记者 严嘉慧）目前已建成工坊12家。（下转第4版）\n\n第4版\n\n（上接第1版）下一步将覆盖所有行政村。\n\n第3版\n\n会议召开\n\n（上接1版）营商环境优化等重点工作。',
    );
    expect(issue.stories.map((story) => [story.headline, story.continuedOn])).toEqual([
      ['会议召开', [3]],
      ['工坊带动就业', [4]],
    ]);
    expect(toPlainText(issue.stories[0]!.body)).toBe('会议要求聚焦产业升级和营商环境优化等重点工作。');
    expect(toPlainText(issue.stories[1]!.body)).toBe('目前已建成工坊12家。\n下一步将覆盖所有行政村。');
    expect(report.unplaced).toEqual([]);
  });

  it('reads wire datelines with and without a byline in parentheses', () => {
    const { issue } = parse(
      '春耕形势良好\n\n新华社北京4月10日电（记者 于文静）春播进度快于去年。\n\n防汛应急响应启动\n\n据新华社电 浙江省启动防汛Ⅳ级应急响应。',
    );
    expect(issue.stories.map((story) => [story.dateline, story.byline])).toEqual([
      ['新华社北京4月10日电', '记者 于文静'],
      ['据新华社电', null],
    ]);
  });

  it('keeps a story without dateline or byline, and flags a one-line title that may be a subheading', () => {
    const { issue, report } = parse(
      '柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。\n\n重点检查\n\n检查组重点检查了消防通道。\n\n第2版\n\n城区新增车位\n\n为缓解停车难，城区新增车位800个。',
    );
    expect(bodyOf(issue.stories[0]!)).toEqual([
      '检查组一行来到化工园区。',
      '## 重点检查',
      '检查组重点检查了消防通道。',
    ]);
    expect(report.stories[0]!.unsureHeadings).toEqual([1]);
    expect(issue.stories[1]).toMatchObject({ headline: '城区新增车位', dateline: null, byline: null, page: 2 });
  });

  it('opens a new story under a one-line title when the paragraph opens like news', () => {
    const { issue, report } = parse(
      '柯城开展大检查\n\n本报讯（记者 徐敏）检查组一行来到化工园区。\n\n城区新增车位800个\n\n近日，城区新增车位800个。',
    );
    expect(issue.stories.map((story) => story.headline)).toEqual(['柯城开展大检查', '城区新增车位800个']);
    expect(report.stories[1]!.fields.headline?.confidence).toBe('low');
  });

  it('reads a headline with a dashed subheadline', () => {
    const { issue } = parse(
      '一季度经济“开门红”\n——主要指标增速居全市前列\n\n本报讯（记者 王一鸣）一季度全区经济增长7.2%。',
    );
    expect(issue.stories[0]).toMatchObject({
      kicker: null,
      headline: '一季度经济“开门红”',
      subheadline: '——主要指标增速居全市前列',
    });
  });

  it('splits paragraphs set without blank lines', () => {
    const { issue } = parse(
      '柯城治水\n本报讯（记者 黄淑妍）全区夏季治水推进会召开，部署重点工作。\n会议要求各级河长加大巡河频次。\n端午旅游火热\n■记者 叶芳\n端午假期，全区共接待游客12.6万人次。',
    );
    expect(issue.stories.map((story) => [story.headline, story.body.content.length])).toEqual([
      ['柯城治水', 2],
      ['端午旅游火热', 1],
    ]);
  });
});

describe('title roles from a PDF’s type sizes', () => {
  it('take the place of the guesses from order and length', () => {
    const text = '守好群众“菜篮子”\n\n节前蔬菜供应充足价格平稳\n\n本报讯（记者 叶青）中秋国庆将至，蔬菜供应充足。';
    expect(parseIssue(text).issue.stories[0]).toMatchObject({ kicker: '守好群众“菜篮子”' });
    const sized = parseIssue(text, {
      titleRoles: new Map([
        ['守好群众“菜篮子”', 'headline'],
        ['节前蔬菜供应充足价格平稳', 'subheadline'],
      ]),
    });
    expect(sized.issue.stories[0]).toMatchObject({
      kicker: null,
      headline: '守好群众“菜篮子”',
      subheadline: '节前蔬菜供应充足价格平稳',
    });
    expect(sized.report.stories[0]!.fields.headline?.confidence).toBe('high');
  });
});
