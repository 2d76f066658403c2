import { describe, expect, it } from 'vitest';

import { creditRoleOf } from './credit-role';

describe('creditRoleOf', () => {
  it.each([
    ['记者', '记者'],
    ['本报记者', '记者'],
    ['衢报传媒集团记者', '记者'],
    ['', '记者'],
    ['通讯员', '通讯员'],
    ['本报通讯员', '通讯员'],
    ['摄', '摄影'],
    ['摄影', '摄影'],
    ['记者 摄', '摄影'],
    ['文/图', '其他'],
  ] as const)('%s → %s', (label, role) => expect(creditRoleOf(label)).toBe(role));
});
