import { describe, expect, it } from 'vitest';

import { CSV_HEADER, listsToCsv, MAX_ENTRIES, parseListsCsv } from './csv';
import { DEFAULT_LISTS } from './lists';

const header = CSV_HEADER.join(',');

describe('审校词库 CSV', () => {
  it('reads back what it exports, the shipped lists whole', () => {
    const result = parseListsCsv(listsToCsv(DEFAULT_LISTS));
    expect(result).toEqual({ ok: true, entries: DEFAULT_LISTS });
  });

  it('reads quoted cells with commas, quotes and line breaks, and formula-looking terms', () => {
    const csv = `${header}\r\n错别字,"按,装","安""装""",警告,"多行\n来源"\r\n敏感词,'-词,,禁止,\n`;
    expect(parseListsCsv(csv)).toEqual({
      ok: true,
      entries: [
        { kind: 'TYPO', term: '按,装', suggestion: '安"装"', level: 'WARN', source: '多行\n来源' },
        { kind: 'SENSITIVE', term: '-词', suggestion: '', level: 'BLOCK', source: '' },
      ],
    });
  });

  it('refuses malformed rows by line number, importing none of them', () => {
    const csv = [
      header,
      '错别字,按装,安装,警告,',
      '外星词,某词,,警告,',
      '敏感词,,,禁止,',
      '错别字,按装,安装,提示,',
      '广告法极限词,最佳,,严重,',
    ].join('\n');
    const result = parseListsCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain('没有导入，有 4 行有误');
    expect(result.error).toContain('第 3 行：类别“外星词”');
    expect(result.error).toContain('第 4 行：词条为空');
    expect(result.error).toContain('第 5 行：与第 2 行重复');
    expect(result.error).toContain('第 6 行：级别“严重”');
  });

  it('counts a quoted line break as part of its row when numbering', () => {
    const result = parseListsCsv(`${header}\n错别字,按装,"安\n装",警告,\n错别字,,x,警告,`);
    expect(!result.ok && result.error).toContain('第 4 行：词条为空');
  });

  it('refuses a file without the header', () => {
    expect(parseListsCsv('错别字,按装,安装,警告,')).toMatchObject({
      ok: false,
      error: expect.stringContaining('表头'),
    });
  });

  it('refuses a list over the limit, saying the limit', () => {
    const rows = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => `错别字,词${i},,提示,`);
    const result = parseListsCsv([header, ...rows].join('\n'));
    expect(result).toEqual({ ok: false, error: `词条太多：${MAX_ENTRIES + 1} 条，审校词库最多 ${MAX_ENTRIES} 条` });
  });
});
