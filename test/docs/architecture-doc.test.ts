/**
 * docs/ARCHITECTURE.md stays true: every file or folder it names exists, every folder of src/ and
 * test/ is in its tree, and every function it points at is exported from the file it names.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

/** The tree in the first code block, as paths: indentation gives the nesting. */
function treePaths(): string[] {
  const block = /```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const stack: Array<{ indent: number; name: string }> = [];
  const paths: string[] = [];
  for (const line of block.split('\n')) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match) continue;
    const indent = match[1]?.length ?? 0;
    // A deeply indented line continues the description of the line above.
    if (indent >= 20) continue;
    const name = match[2] as string;
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    const path = [...stack.map((s) => s.name), name].join('').replace(/\/+/g, '/');
    paths.push(path.replace(/\/$/, ''));
    if (name.endsWith('/')) stack.push({ indent, name });
  }
  return paths;
}

/** `path/to/file.ts` mentions in the prose, with a function after it when written "(`fn`)". */
function fileMentions(): Array<{ file: string; symbol?: string }> {
  const found: Array<{ file: string; symbol?: string }> = [];
  for (const match of doc.matchAll(
    /`((?:server|domain|contract|db|web|cli)\/[\w./-]+\.tsx?)`(?:,? \(?`(\w+)`)?/g,
  )) {
    const symbol = match[2];
    found.push(symbol ? { file: `src/${match[1]}`, symbol } : { file: `src/${match[1]}` });
  }
  return found;
}

function subfolders(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).filter((name) => statSync(join(ROOT, dir, name)).isDirectory());
}

describe('docs/ARCHITECTURE.md', () => {
  it('should name only files and folders that exist', () => {
    const missing = treePaths().filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });

  it('should show every folder of src/, its layers and test/ in the tree', () => {
    const tree = new Set(treePaths());
    const folders = [
      ...subfolders('src').map((f) => `src/${f}`),
      ...['domain', 'server', 'db'].flatMap((layer) =>
        subfolders(`src/${layer}`).map((f) => `src/${layer}/${f}`),
      ),
      ...subfolders('test').map((f) => `test/${f}`),
    ];
    const absent = folders.filter((folder) => !tree.has(folder));
    expect(absent).toEqual([]);
  });

  it('should point at functions in the files that export them', () => {
    const wrong = fileMentions()
      .filter(
        (m) =>
          !existsSync(join(ROOT, m.file)) ||
          (m.symbol &&
            !new RegExp(`export (async )?function ${m.symbol}\\b`).test(
              readFileSync(join(ROOT, m.file), 'utf8'),
            )),
      )
      .map((m) => `${m.file}${m.symbol ? ` ${m.symbol}` : ''}`);
    expect(wrong).toEqual([]);
  });
});
