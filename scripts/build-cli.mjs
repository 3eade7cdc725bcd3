#!/usr/bin/env node
// Compiles the CLI (and the server it starts) to JavaScript in dist/cli, so `headway` starts
// without transpiling TypeScript. Packages stay external (loaded from node_modules); each verb is
// its own chunk, loaded only when that verb runs. bin/headway.js uses this build when it is newer
// than every source file, and falls back to running the TypeScript through tsx otherwise.
// The compute thread's entry (src/server/compute/worker.ts) is built beside it as
// compute-worker.js, where the compute pool looks for it.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [
    { in: join(root, 'src', 'cli', 'index.ts'), out: 'index' },
    { in: join(root, 'src', 'server', 'compute', 'worker.ts'), out: 'compute-worker' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  // Flat, so import.meta.dirname is two levels below the checkout as it is in src/<layer>.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  legalComments: 'none',
});
writeFileSync(join(outdir, 'built-at'), `${new Date().toISOString()}\n`);
