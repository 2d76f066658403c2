// Input rules for the publication settings (zod), with the messages the form shows.
import { z } from 'zod';

import { formText } from '../actions/form-fields';

export const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'] as const;

export const publicationSettingsSchema = z.object({
  name: z.string().trim().min(1, '请填写刊名').max(40, '刊名不能超过 40 个字'),
  publisher: z.string().trim().min(1, '请填写编印单位').max(60, '编印单位不能超过 60 个字'),
  hotline: z.string().trim().max(40, '采编热线不能超过 40 个字'),
  address: z.string().trim().max(100, '地址不能超过 100 个字'),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮编应为 6 位数字'),
  reviewLevels: z.coerce.number().int('审级应为 1 到 3').min(1, '审级应为 1 到 3').max(3, '审级应为 1 到 3'),
  publishDays: z.array(z.coerce.number().int().min(1).max(7)).min(1, '请至少选择一个出版日'),
  // Channels besides the website (lib/channels/); the website is always on.
  wechatEnabled: z.boolean(),
  appFeedEnabled: z.boolean(),
  weiboEnabled: z.boolean(),
});

export type PublicationSettings = z.infer<typeof publicationSettingsSchema>;

/** The form's fields (publishDays as repeated checkboxes) as the schema takes them. */
export function settingsFromForm(form: FormData): Record<string, unknown> {
  const text = (name: string) => formText(form, name);
  return {
    name: text('name'),
    publisher: text('publisher'),
    hotline: text('hotline'),
    address: text('address'),
    postcode: text('postcode'),
    reviewLevels: text('reviewLevels'),
    publishDays: form.getAll('publishDays').filter((value) => typeof value === 'string'),
    wechatEnabled: form.get('wechatEnabled') === 'on',
    appFeedEnabled: form.get('appFeedEnabled') === 'on',
    weiboEnabled: form.get('weiboEnabled') === 'on',
  };
}
