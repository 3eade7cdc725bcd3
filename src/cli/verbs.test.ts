import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { HEADWAY_VERSION } from '../contract/version';
import { modulesFor, VERBS } from './verbs';

const commandsDir = join(import.meta.dirname, 'commands');

describe('the verb list', () => {
  it('should name every command module once', async () => {
    const files = readdirSync(commandsDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const listed = await Promise.all(VERBS.map((v) => v.load()));
    for (const file of files) {
      const module = await import(join(commandsDir, file));
      expect(
        listed.filter((m) => m === module),
        file,
      ).toHaveLength(1);
    }
    expect(new Set(listed).size).toBe(files.length);
  });

  it('should list exactly the names each module registers', async () => {
    for (const verb of VERBS) {
      const program = new Command('headway');
      (await verb.load()).register(program);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...verb.names].sort());
    }
  });

  it('should load only the named verb, none for --version, and all for help or a typo', () => {
    expect(modulesFor(['forecast', '--items', '3'])).toHaveLength(1);
    expect(modulesFor(['--version'])).toHaveLength(0);
    expect(modulesFor(['-V'])).toHaveLength(0);
    expect(modulesFor([])).toHaveLength(VERBS.length);
    expect(modulesFor(['--help'])).toHaveLength(VERBS.length);
    expect(modulesFor(['forcast'])).toHaveLength(VERBS.length);
  });

  it('should print the version package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(HEADWAY_VERSION).toBe(pkg.version);
  });
});
