import { describe, expect, it } from 'vitest';

import { heading, paragraph } from '../content/builders';
import { draftBlock, type DraftArticle, type ImportDraft } from './draft';
import { unsureRegions, type ReportPage } from './unsure-regions';

const rect = (y: number) => ({ x: 0.1, y, w: 0.3, h: 0.05 });

const pages: ReportPage[] = [
  {
    number: 1,
    image: null,
    paragraphs: [
      { line: 1, text: '今日柯城', rects: [rect(0.02)] },
      { line: 3, text: '柯城夏季治水攻坚战全面打响', rects: [rect(0.1)] },
      { line: 5, text: '本报讯 会议要求……', rects: [rect(0.2)] },
      { line: 7, text: '河长巡河', rects: [rect(0.3)] },
    ],
  },
  { number: 2, image: null, paragraphs: [{ line: 9, text: '第2版 民生', rects: [rect(0.02)] }] },
];

function article(key: string, extra: Partial<DraftArticle>): DraftArticle {
  return {
    key,
    line: 3,
    continuedOn: [],
    fields: {
      kicker: '',
      headline: '柯城夏季治水攻坚战全面打响',
      subheadline: '',
      dateline: '',
      byline: '',
      page: '1',
    },
    check: [],
    blocks: [draftBlock(`${key}b0`, paragraph('本报讯 会议要求……'))],
    areas: [{ pdfPage: 1, rects: [rect(0.1), rect(0.2)] }],
    ...extra,
  };
}

function draftOf(stories: DraftArticle[], unplaced: ImportDraft['unplaced'] = []): ImportDraft {
  return {
    masthead: { number: '1', date: '2022-06-13', pageCount: '2' },
    check: [],
    publication: { name: '', publisher: '', hotline: '', address: null, postcode: null },
    pageNames: {},
    stories,
    unplaced,
    warnings: [],
    pdfSha256: null,
  };
}

describe('the regions the report highlights on the page images', () => {
  it('has none when nothing is in doubt', () => {
    expect(unsureRegions(draftOf([article('s0', {})]), pages)).toEqual([]);
  });

  it('points at a story with fields to check (its areas), naming the fields', () => {
    const regions = unsureRegions(draftOf([article('s0', { check: ['headline', 'byline'] })]), pages);
    expect(regions).toEqual([
      { key: 's0-p1', pdfPage: 1, rects: [rect(0.1), rect(0.2)], label: '稿件1待核对：主题、署名' },
    ]);
  });

  it('points at the paragraph a doubtful subheading and an unplaced line were read from, on their page', () => {
    const blocks = [
      draftBlock('s0b0', paragraph('本报讯 会议要求……')),
      draftBlock('s0b1', heading('河长巡河', 3), true),
    ];
    const regions = unsureRegions(
      draftOf([article('s0', { blocks })], [{ key: 'u10', line: 10, text: '第2版 民生' }]),
      pages,
    );
    expect(regions).toEqual([
      { key: 's0b1', pdfPage: 1, rects: [rect(0.3)], label: '稿件1：“河长巡河”是小标题还是另一篇稿件的主题？' },
      { key: 'u10', pdfPage: 2, rects: [rect(0.02)], label: '未能归类的行：第2版 民生' },
    ]);
  });

  it('drops a highlight once the editor has dealt with it', () => {
    const checked = draftOf([article('s0', { check: [] })], []);
    expect(unsureRegions(checked, pages)).toEqual([]);
  });
});
