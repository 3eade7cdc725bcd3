#!/usr/bin/env node
// Entry point for `npx headway` and `npm run headway`. Runs the compiled CLI in dist/cli (built by
// `npm ci`, `npm run build` or `npm run build:cli`) when it is newer than every file under src/;
// otherwise, in a checkout being edited, runs the TypeScript directly through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', 'cli', 'built-at');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'web') continue; // the web app is not part of the CLI
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

function builtIsCurrent() {
  if (!existsSync(stamp)) return false;
  const src = join(root, 'src');
  if (!existsSync(src)) return true; // an installed package: only the build exists
  return statSync(stamp).mtimeMs >= newestSource(src);
}

if (process.env.HEADWAY_FROM_SOURCE !== '1' && builtIsCurrent()) {
  await import('../dist/cli/index.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
