/**
 * The CLI examples of README.md, run as written and in order: every line of a ```sh, ```bash,
 * ```shell or ```console block that starts with `headway `, `npx headway` or `npm run headway`.
 *
 * - A data directory an example names (`--data-dir /tmp/hw`) is a directory of its own under a
 *   throwaway one, the same for every example that names it; so is the default one.
 * - `headway serve` runs in the background, as in a second terminal, from when it answers on
 *   /api/health until the end of its code block; the port is a free one, given as PORT.
 * - Each example must exit 0. In a ```console block, the lines after `$ command` are what it must
 *   print: a line `…` stands for any number of lines, `…` within a line for any text.
 * - A password the CLI asks for is given as HEADWAY_PASSWORD, as the README says: the demo's.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/demo-workspace';
import {
  BIN,
  cliEnv,
  findFreePort,
  makeTempDir,
  ROOT,
  type RunningServer,
  runProcess,
  startServer,
} from '../support/cli';
import {
  outputPattern,
  type ReadmeExample,
  readCliExamples,
  splitShellWords,
} from '../support/readme-examples';

const examples = readCliExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const scratch = makeTempDir('readme');
const dataDirs = new Map<string, string>();
const servers = new Map<number, RunningServer[]>();
let lastBlock = -1;

afterAll(async () => {
  for (const running of servers.values()) for (const server of running) await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** The example's words with each data directory moved under the throwaway directory. */
function throwawayWords(command: string): string[] {
  const words = splitShellWords(command);
  return words.map((word, index) => {
    const inline = /^--data-dir=(.*)$/.exec(word);
    const named = inline?.[1] ?? (words[index - 1] === '--data-dir' ? word : undefined);
    if (named === undefined) return word;
    if (!dataDirs.has(named)) dataDirs.set(named, join(scratch, `data-${dataDirs.size + 1}`));
    const dir = dataDirs.get(named) ?? '';
    return inline ? `--data-dir=${dir}` : dir;
  });
}

/** The program to start for the example's first word(s): `headway` itself is bin/headway.js. */
function commandLine(words: string[]): { file: string; args: string[] } {
  const [first = '', ...rest] = words;
  if (first === 'headway') return { file: process.execPath, args: [BIN, ...rest] };
  return { file: first, args: rest };
}

/** The verb the example runs: the first word after `headway` that is not an option. */
function verbOf(words: string[]): string | undefined {
  const start = words.indexOf('headway');
  return words.slice(start + 1).find((word) => word !== '--' && !word.startsWith('-'));
}

async function stopServersBefore(block: number): Promise<void> {
  for (const [started, running] of servers) {
    if (started >= block) continue;
    for (const server of running) await server.stop();
    servers.delete(started);
  }
}

async function runExample(example: ReadmeExample): Promise<void> {
  if (example.block !== lastBlock) await stopServersBefore(example.block);
  lastBlock = example.block;
  const words = throwawayWords(example.command);
  const portFlag = words.indexOf('--port');
  const port = portFlag >= 0 ? Number(words[portFlag + 1]) : await findFreePort();
  // npm_config_offline: `npx headway` must find this checkout's own bin, never fetch a package.
  const env = cliEnv({
    PORT: String(port),
    HEADWAY_DATA_DIR: join(scratch, 'default'),
    HEADWAY_PASSWORD: DEMO_PASSWORD,
    npm_config_offline: 'true',
  });
  const { file, args } = commandLine(words);
  if (verbOf(words) === 'serve') {
    const server = await startServer({ command: file, args, port, env, timeoutMs: 180_000 });
    servers.set(example.block, [...(servers.get(example.block) ?? []), server]);
    return;
  }
  const result = await runProcess(file, args, { env });
  expect(result.code, `${example.command}\n${result.stderr}`).toBe(0);
  if (example.output.length === 0) return;
  const printed = result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`;
  expect(printed, `README.md line ${example.line} shows what this prints`).toMatch(
    outputPattern(example.output),
  );
}

describe('the CLI examples in README.md', { timeout: 240_000 }, () => {
  it('should find CLI examples to run', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    it(`should run \`${example.command}\` (README.md line ${example.line})`, () => runExample(example));
  }
});
