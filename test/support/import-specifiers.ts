// What a source file imports, read from its text: the fitness tests (test/import-cycles.test.ts,
// test/scripts-boundary.test.ts) follow imports without building the project.

/** Import specifiers of one file, comments removed first (a comment may quote an import). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
  const found = code.matchAll(
    /(?:^|;|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
  );
  return [...found].map((match) => match[1] ?? match[2] ?? match[3]!);
}
