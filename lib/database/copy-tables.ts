// The tables a newsroom consists of, in an order that satisfies every foreign key when rows are
// written one table after another. Article and Revision point at each other (a story's live revision
// and a revision's story): stories are written without their live revision, which is set once the
// revisions are in (LIVE_REVISION).
export const COPY_ORDER = [
  'User',
  'PasswordHistory',
  'RecoveryCode',
  'UserSession',
  'SecurityPolicy',
  'Publication',
  'Media',
  'Issue',
  'IssuePage',
  'Article',
  'ArticleAuthor',
  'ArticlePlacement',
  'Signoff',
  'Revision',
  'ChannelSend',
  'Comment',
  'Correction',
  'AuthToken',
  'LoginAttempt',
  'AuditEvent',
  'AuditDigest',
  'Presence',
] as const;

export type TableName = (typeof COPY_ORDER)[number];

export const LIVE_REVISION = { table: 'Article', column: 'liveRevisionId' } as const;

/** Tables whose key is a number (the single SecurityPolicy row): ordered without a text collation. */
export function hasNumericKey(table: TableName): boolean {
  return table === 'SecurityPolicy';
}

/** The order rows are read and compared in (every table has `id` but Presence and AuditDigest). */
export function keyColumns(table: TableName): string[] {
  if (table === 'AuditDigest') return ['day'];
  return table === 'Presence' ? ['articleId', 'userId'] : ['id'];
}
