import 'server-only';

import { requireUser } from '../auth/require-user';
import { db } from '../db';
import { parsePublishDays } from '../issues/plan';
import { findPublication } from '../publication/lookup';
import { clampLevels } from '../workflow/rules';

export async function getPublicationSettings() {
  await requireUser('settings:edit');
  const publication = await findPublication(db, {
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
  });
  if (!publication) return null;
  return {
    name: publication.name,
    publisher: publication.publisher,
    hotline: publication.hotline,
    address: publication.address,
    postcode: publication.postcode,
    reviewLevels: clampLevels(publication.reviewLevels),
    publishDays: parsePublishDays(publication.publishDays),
    wechatEnabled: publication.wechatEnabled,
    appFeedEnabled: publication.appFeedEnabled,
    weiboEnabled: publication.weiboEnabled,
  };
}
