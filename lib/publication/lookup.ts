// The newsroom runs one publication: the first one created (the sample issue's, or the imported one).
// Every read of "the publication" goes through here, so a second publication would change one place.
import { UserFacingError } from '../actions/result';
import type { Tx } from '../db-client';
import type { Prisma } from '../generated/prisma/client';

type Client = Pick<Tx, 'publication'>;

export function findPublication<S extends Prisma.PublicationSelect>(client: Client, select: S) {
  return client.publication.findFirst({ orderBy: { createdAt: 'asc' }, select });
}

/** For a change that needs the publication: a clear refusal when there is none yet. */
export async function requirePublication<S extends Prisma.PublicationSelect>(client: Client, select: S) {
  const publication = await findPublication(client, select);
  if (!publication) throw new UserFacingError('还没有设置报刊信息');
  return publication;
}
