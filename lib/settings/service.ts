// Saves the publication settings (masthead lines, 三审 levels, publishing days, channels) with an audit event
// naming what changed, in one transaction.
import type { Actor } from '../access/actor';
import { recordAudit } from '../audit/record';
import type { Db } from '../db-client';
import { formatPublishDays } from '../issues/plan';
import { requirePublication } from '../publication/lookup';
import type { PublicationSettings } from './schemas';

const SETTINGS_SELECT = {
  id: true,
  name: true,
  publisher: true,
  hotline: true,
  address: true,
  postcode: true,
  reviewLevels: true,
  publishDays: true,
  wechatEnabled: true,
  appFeedEnabled: true,
  weiboEnabled: true,
} as const;

export async function updatePublication(
  db: Db,
  actor: Pick<Actor, 'id'>,
  settings: PublicationSettings,
): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const current = await requirePublication(tx, SETTINGS_SELECT);
    const next = { ...settings, publishDays: formatPublishDays(settings.publishDays) };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (key) => String(current[key]) !== String(next[key]),
    );
    if (changed.length === 0) return [];
    await tx.publication.update({ where: { id: current.id }, data: next });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'settings.publication',
      subjectType: 'Publication',
      subjectId: current.id,
      details: Object.fromEntries(changed.map((key) => [key, { from: current[key], to: next[key] }])),
    });
    return changed;
  });
}
