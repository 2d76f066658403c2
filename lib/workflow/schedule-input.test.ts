import { describe, expect, it } from 'vitest';

import { readSchedule } from './schedule-input';

const now = new Date('2026-11-25T02:00:00Z'); // 10:00 in Shanghai

describe('readSchedule', () => {
  it('means now unless a schedule is chosen', () => {
    expect(readSchedule({ when: 'now', date: '2020-01-01', time: '00:00' }, now)).toBeNull();
    expect(readSchedule({}, now)).toBeNull();
  });

  it('reads the date and time in Asia/Shanghai, to the second', () => {
    expect(readSchedule({ when: 'schedule', date: '2026-11-25', time: '10:00:10' }, now)?.toISOString()).toBe(
      '2026-11-25T02:00:10.000Z',
    );
    expect(readSchedule({ when: 'schedule', date: '2026-11-30', time: '06:30' }, now)?.toISOString()).toBe(
      '2026-11-29T22:30:00.000Z',
    );
  });

  it('refuses missing, malformed and past times with a message', () => {
    expect(() => readSchedule({ when: 'schedule', date: '', time: '' }, now)).toThrow('请填写定时发布的日期和时间');
    expect(() => readSchedule({ when: 'schedule', date: '2026-02-30', time: '10:00' }, now)).toThrow(
      '定时发布的日期或时间无效',
    );
    expect(() => readSchedule({ when: 'schedule', date: '2026-11-25', time: '25:00' }, now)).toThrow(
      '定时发布的日期或时间无效',
    );
    expect(() => readSchedule({ when: 'schedule', date: '2026-11-25', time: '10:00' }, now)).toThrow(
      '定时发布的时间必须晚于现在',
    );
  });
});
