import { describe, expect, it } from 'vitest';

import { publicationSettingsSchema, settingsFromForm } from './schemas';

const valid = {
  name: '今日柯城',
  publisher: '衢州市柯城区融媒体中心编印',
  hotline: '0570-3021234',
  address: '柯城区荷花中路',
  postcode: '324000',
  reviewLevels: '3',
  publishDays: ['1'],
  wechatEnabled: false,
  appFeedEnabled: false,
  weiboEnabled: false,
};

describe('publication settings', () => {
  it('accepts a full form and reads numbers', () => {
    expect(publicationSettingsSchema.parse(valid)).toMatchObject({ reviewLevels: 3, publishDays: [1] });
  });

  it('refuses out-of-range levels, bad postcodes, no publishing day and empty names with Chinese messages', () => {
    const messages = (input: object) => {
      const result = publicationSettingsSchema.safeParse({ ...valid, ...input });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages({ reviewLevels: '4' })).toEqual(['审级应为 1 到 3']);
    expect(messages({ reviewLevels: '0' })).toEqual(['审级应为 1 到 3']);
    expect(messages({ postcode: '32400' })).toEqual(['邮编应为 6 位数字']);
    expect(messages({ publishDays: [] })).toEqual(['请至少选择一个出版日']);
    expect(messages({ name: '  ' })).toEqual(['请填写刊名']);
    expect(messages({ postcode: '' })).toEqual([]);
  });

  it('reads repeated weekday checkboxes from the form', () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...valid, publishDays: undefined }))
      if (typeof value === 'string') form.set(key, value);
    form.append('publishDays', '1');
    form.append('publishDays', '4');
    expect(settingsFromForm(form)).toMatchObject({ name: '今日柯城', publishDays: ['1', '4'], reviewLevels: '3' });
  });

  it('reads the channel checkboxes: a ticked box sends "on", an unticked one nothing', () => {
    const form = new FormData();
    form.set('wechatEnabled', 'on');
    expect(settingsFromForm(form)).toMatchObject({ wechatEnabled: true, appFeedEnabled: false, weiboEnabled: false });
  });
});
