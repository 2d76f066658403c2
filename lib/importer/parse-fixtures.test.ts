// Issues of our own making, in layouts the seed does not have.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { toPlainText } from '../content/plain-text';
import { decodeImportFile } from './decode';
import { needsBeforeSave, toDraft } from './draft';
import { NOT_AN_ISSUE, refusal } from './needs';
import { parseIssue } from './parse-issue';

const fixture = (name: string) =>
  parseIssue(fs.readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/imports', name), 'utf8'));

describe('an eight-page issue with page headers, a jump, an editor’s note, photos and tables', () => {
  const { issue, report } = fixture('issue-1732.txt');
  const [rural, sorting, school] = issue.stories;

  it('reads the masthead and named pages', () => {
    expect(issue).toMatchObject({ number: 1732, date: '2021-03-01', pageCount: 8 });
    expect(issue.publication.hotline).toBe('0570-3049743');
    expect(issue.pages.slice(0, 3)).toEqual([
      { number: 1, name: '要闻' },
      { number: 2, name: '综合' },
      { number: 3, name: '综合' },
    ]);
    expect(issue.pages).toHaveLength(8);
  });

  it('joins a headline set in two lines and takes the kicker above it', () => {
    expect(rural).toMatchObject({
      kicker: '全面推进乡村振兴',
      headline: '打造共同富裕示范区，柯城先行先试',
      dateline: '本报讯',
      byline: '记者 王一鸣 通讯员 陈思远',
      page: 1,
      continuedOn: [3],
    });
    expect(rural!.authors).toEqual([
      { name: '王一鸣', label: '记者' },
      { name: '陈思远', label: '通讯员' },
    ]);
  });

  it('rejoins the column break and brings the 上接 part back into the story', () => {
    const text = toPlainText(rural!.body);
    expect(text).toContain('今年将新建未来乡村5个，改造提升农村公路30公里。');
    expect(text).toContain('确保各项任务按期完成。同时，要加强农村基层党组织建设');
    expect(text.endsWith('会议还对2020年度乡村振兴先进集体和个人进行了表彰。')).toBe(true);
    expect(text).not.toMatch(/下转|上接/);
  });

  it('puts the editor’s note at the head of the story it introduces, with its column kicker and ■ byline', () => {
    expect(sorting).toMatchObject({
      kicker: '垃圾分类在身边',
      headline: '府山街道：积分兑换激发居民热情',
      dateline: null,
      byline: '记者 刘畅',
      page: 1,
    });
    expect(toPlainText(sorting!.body).split('\n')[0]).toMatch(/^编者按：垃圾分类是新时尚/);
    expect(report.stories[1]!.fields.editorsNote?.confidence).toBe('high');
    expect(report.stories[1]!.fields.photo?.value).toBe('图为居民在兑换点兑换物品。记者 刘畅 摄');
  });

  it('reads a story without byline and its two tables, with the contact row after the table', () => {
    expect(school).toMatchObject({ headline: '各校做好安全检查', byline: null, dateline: null, authors: [], page: 2 });
    const tables = school!.body.content.filter((node) => node.type === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]!.content![0]!.content!.map((cell) => cell.type)).toEqual([
      'tableHeader',
      'tableHeader',
      'tableHeader',
    ]);
    expect(toPlainText(school!.body)).toContain('联系电话：0570-1234567');
    expect(report.stories[2]!.fields.headline?.confidence).toBe('low');
  });

  it('finds three stories and places every line', () => {
    expect(issue.stories).toHaveLength(3);
    expect(report.unplaced).toEqual([]);
    expect(report.warnings).toEqual([]);
  });
});

describe('a short issue with a quote broken after a comma, a subheading and a stray line', () => {
  const { issue, report } = fixture('issue-1770.txt');
  const [story] = issue.stories;

  it('reads the story with its kicker from a block of its own', () => {
    expect(issue).toMatchObject({ number: 1770, date: '2022-01-03', pageCount: 4 });
    expect(story).toMatchObject({
      kicker: '新年第一天',
      headline: '柯城开展安全生产大检查',
      dateline: '本报讯',
      byline: '记者 徐敏',
    });
  });

  it('joins a short line that ends in a comma and keeps the subheading', () => {
    expect(story!.body.content.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(toPlainText(story!.body)).toContain('“安全生产没有旁观者，人人都是第一责任人。”检查组负责人说。');
  });

  it('reports the line it could not place', () => {
    expect(report.unplaced).toEqual([{ line: 33, text: '这是一行没有归属的说明' }]);
  });
});

describe('text that is not an issue', () => {
  it('warns instead of inventing a masthead', () => {
    const { issue, report } = parseIssue('这只是一段普通的文字。\n\n没有报头，也没有稿件。');
    expect(issue.stories).toEqual([]);
    expect(report.warnings).toEqual([
      '没有找到期号（如“第 1705 期”）',
      '没有找到出版日期（如“2020年8月17日”）',
      '没有找到任何稿件',
    ]);
    expect(report.unplaced.map((line) => line.line)).toEqual([1, 3]);
    expect(refusal(issue, report)).toBe(NOT_AN_ISSUE);
  });
});

describe('a GB18030 file with a 本报记者 byline line and a 新华社 dateline', () => {
  const bytes = fs.readFileSync(path.resolve(import.meta.dirname, '../../test/fixtures/imports/issue-1840-gbk.txt'));
  const decoded = decodeImportFile(bytes);
  const { issue, report } = parseIssue(decoded.ok ? decoded.text : '');

  it('is decoded from GB18030', () => {
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
  });

  it('reads the feature with its byline line', () => {
    expect(issue).toMatchObject({
      number: 1840,
      date: '2023-06-05',
      pages: expect.arrayContaining([{ number: 4, name: '副刊' }]),
    });
    expect(issue.stories[0]).toMatchObject({
      page: 4,
      headline: '老街记忆',
      dateline: null,
      byline: '本报记者 郑霞',
      authors: [{ name: '郑霞', label: '本报记者' }],
    });
    expect(toPlainText(issue.stories[0]!.body)).toContain('这里曾是衢州最热闹的街市。');
  });

  it('keeps a wire story that has no headline apart, and asks for one instead of inventing it or refusing the file', () => {
    expect(issue.stories[1]).toMatchObject({ headline: '', dateline: '新华社杭州6月4日电', byline: '记者 王一鸣' });
    expect(report.warnings).toEqual(['第25行：稿件没有标题']);
    expect(refusal(issue, report)).toBeNull();
    const draft = toDraft({ issue, report });
    expect(draft.stories[1]!.check).toContain('headline');
    expect(needsBeforeSave(draft)).toEqual(['稿件2的主题']);
  });
});
