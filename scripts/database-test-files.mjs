// Lists the test files that open the test database, i.e. that import test/support/database.ts
// directly or through other modules. The suite runs once on PGlite; these files run again on a
// PostgreSQL server, where the other files (pure engines, parsers, CLI processes that always use
// an embedded data directory) would only repeat the same work.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const target = join(root, 'test', 'support', 'database.ts');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function testFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path));
    else if (/\.test\.tsx?$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** The file a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every module a file imports, directly or not (relative imports only: the repository's own). */
function importsOf(file, graph = new Map()) {
  if (graph.has(file)) return graph;
  const next = [];
  graph.set(file, next);
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const path = resolveSpecifier(file, match[1] ?? match[2]);
    if (path) {
      next.push(path);
      importsOf(path, graph);
    }
  }
  return graph;
}

function reachesDatabase(file) {
  const graph = importsOf(file);
  return graph.has(target);
}

const files = ['src', 'test'].flatMap((dir) => testFiles(join(root, dir))).filter((f) => reachesDatabase(f));
process.stdout.write(`${files.map((f) => relative(root, f)).sort().join('\n')}\n`);
