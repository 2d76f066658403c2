import { describe, expect, it } from 'vitest';

import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('一\n二')).toBe('"一\n二"');
  });
  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });
  it('writes dates as ISO and nulls as empty', () => {
    expect(csvCell(new Date(Date.UTC(2026, 0, 2)))).toBe('2026-01-02T00:00:00.000Z');
    expect(csvCell(null)).toBe('');
  });
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(
      toCsv([
        ['时间', '动作'],
        ['x', 'y'],
      ]),
    ).toBe('\uFEFF时间,动作\r\nx,y\r\n');
  });
});
