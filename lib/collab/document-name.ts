// One shared document per story, named after it. The name is all a client says about which story it
// wants, so it is parsed strictly: anything else is refused before the database is asked.
const PREFIX = 'story:';
const ID = /^[a-z0-9]{20,32}$/;

export function articleDocumentName(articleId: string): string {
  return PREFIX + articleId;
}

/** The story id in a document name, or null for a name that is not one of ours. */
export function articleIdOf(documentName: string): string | null {
  if (!documentName.startsWith(PREFIX)) return null;
  const id = documentName.slice(PREFIX.length);
  return ID.test(id) ? id : null;
}
