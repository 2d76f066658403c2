// The glossary rule's pieces (test/glossary.test.ts): the words of a name, the retired words the
// glossary lists, the identifiers of a source file.
import path from 'node:path';
import ts from 'typescript';

/** The words of an identifier or a file name: `getArticleForEditor` → get, article, for, editor. */
export function nameWords(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? []).map((word) => word.toLowerCase());
}

/** The retired words, backquoted on the glossary's line "Retired in code names: `story` (say article), …". */
export function retiredWords(architecture: string): string[] {
  const line = architecture.split('\n').find((text) => text.startsWith('Retired in code names:'));
  if (!line) throw new Error('docs/architecture.md has no "Retired in code names:" line in its glossary');
  return [...line.matchAll(/`([a-z]+)`/g)].map((match) => match[1]!);
}

/** Every identifier of one source file (declarations and uses, JSX attribute names included). */
export function identifiers(fileName: string, source: string): Set<string> {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
  const found = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) found.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

export function offences(files: { name: string; source: string }[], retired: string[]): string[] {
  const words = new Set(retired);
  // A local value may carry the plain English word (`story`, `stories`, `person`: prose naming one
  // value, as comments do); a compound name, a type, a function, a constant or a file may not.
  const hits = (name: string) => !words.has(name) && nameWords(name).some((word) => words.has(word));
  return files.flatMap(({ name, source }) => [
    ...(hits(path.basename(name).replace(/\.[^/]*$/, '')) ? [`${name}: file name`] : []),
    ...[...identifiers(name, source)].filter(hits).map((identifier) => `${name}: ${identifier}`),
  ]);
}
