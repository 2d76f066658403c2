import { describe, expect, it } from 'vitest';

import { decodeImportFile, MAX_IMPORT_BYTES } from './decode';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeImportFile', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeImportFile(utf8('第 1705 期'))).toEqual({ ok: true, text: '第 1705 期', encoding: 'utf-8' });
    expect(decodeImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('柯城')]))).toEqual({
      ok: true,
      text: '柯城',
      encoding: 'utf-8',
    });
  });

  it('detects GB18030/GBK', () => {
    // 今日柯城 第1705期 in GBK.
    const gbk = new Uint8Array([
      0xbd, 0xf1, 0xc8, 0xd5, 0xbf, 0xc2, 0xb3, 0xc7, 0x20, 0xb5, 0xda, 0x31, 0x37, 0x30, 0x35, 0xc6, 0xda,
    ]);
    expect(decodeImportFile(gbk)).toEqual({ ok: true, text: '今日柯城 第1705期', encoding: 'gb18030' });
  });

  it('reads UTF-16 with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0xef, 0x67, 0xce, 0x57]);
    expect(decodeImportFile(le)).toEqual({ ok: true, text: '柯城', encoding: 'utf-16le' });
  });

  it('refuses empty, blank, binary and oversized files with a message', () => {
    expect(decodeImportFile(new Uint8Array())).toEqual({ ok: false, error: '文件为空' });
    expect(decodeImportFile(utf8(' \n\n '))).toEqual({ ok: false, error: '文件里没有文字' });
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x03]);
    expect(decodeImportFile(pdf)).toMatchObject({ ok: false, error: expect.stringContaining('不是文本') });
    expect(decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41))).toEqual({
      ok: false,
      error: '文件过大（上限 10 MB）',
    });
    expect(decodeImportFile(new Uint8Array(50 * 1024 * 1024).fill(0x41))).toMatchObject({ ok: false });
  });
});
