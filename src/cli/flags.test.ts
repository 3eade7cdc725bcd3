import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { exactlyOneOf, wholeNumberText } from '../contract/common';
import { EXIT_CODES, flagName, parseFlags, UsageError } from './flags';
import { runHeadway } from './run';

describe('parseFlags', () => {
  const schema = z
    .strictObject({
      items: wholeNumberText(1, 10_000).optional(),
      by: z.string().optional(),
      blockDays: wholeNumberText(1, 365).default(7),
      password: z.string().min(10, 'use at least 10 characters').optional(),
      id: z.string().optional(),
    })
    .check(exactlyOneOf({ items: 'N', by: 'YYYY-MM-DD' }));

  const refusal = (raw: Record<string, unknown>) => {
    try {
      parseFlags(schema, raw, { arguments: { id: '[id]' }, secret: ['password'] });
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    }
    throw new Error('the flags were accepted');
  };

  it('should give the parsed values and the defaults when every flag is good', () => {
    expect(parseFlags(schema, { items: '12' })).toEqual({ items: 12, blockDays: 7 });
    expect(parseFlags(schema, { by: '2026-01-01', blockDays: '14' })).toEqual({
      by: '2026-01-01',
      blockDays: 14,
    });
  });

  it('should name the flag, what to give and what was given when a value is refused', () => {
    expect(refusal({ items: 'abc' })).toBe('--items must be a whole number from 1 to 10,000, got "abc"');
    expect(refusal({ items: '3', blockDays: '400' })).toBe(
      '--block-days must be a whole number from 1 to 365, got "400"',
    );
  });

  it('should name each flag of a rule that needs exactly one of them', () => {
    expect(refusal({})).toBe('give exactly one of --items N or --by YYYY-MM-DD');
    expect(refusal({ items: '3', by: '2026-01-01' })).toBe(
      'give exactly one of --items N or --by YYYY-MM-DD',
    );
  });

  it('should set a message that is not a "must" after a colon, and never echo a secret', () => {
    const message = refusal({ items: '3', password: 'short' });
    expect(message).toBe('--password: use at least 10 characters');
    expect(message).not.toContain('short');
  });

  it('should name a positional argument as the usage writes it, and every refused flag at once', () => {
    expect(refusal({ items: 'x', id: 42 })).toBe(
      '--items must be a whole number from 1 to 10,000, got "x"; [id]: Invalid input: expected string, received number',
    );
  });

  it('should say a missing required flag is required', () => {
    expect(() => parseFlags(z.strictObject({ history: z.string() }), {})).toThrow('--history is required');
  });

  it('should write camelCase keys as commander flags', () => {
    expect(flagName('expiresInDays')).toBe('--expires-in-days');
    expect(flagName('json')).toBe('--json');
  });
});

/** Runs `headway …` in this process and captures what it prints. */
async function headway(...args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runHeadway(['node', 'headway', ...args]);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('a bad flag on each verb', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  const cases: Array<{ args: string[]; message: string }> = [
    {
      args: ['assess', '--answers', 'answers.yaml', '--format', 'doc'],
      message: '--format must be one of md, json, html, pdf, got "doc"',
    },
    {
      args: ['backtest', '--history', 'h.csv', '--items', '3', '--every', 'weekly'],
      message: '--every must be a whole number from 1 to 3,650, got "weekly"',
    },
    {
      args: ['calibration', '-w', 'acme', '--by', 'team'],
      message: '--by: Invalid option: expected one of "workspace"|"estimator"|"type", got "team"',
    },
    {
      args: ['demo', '--data-dir', ''],
      message: '--data-dir: give a directory for the embedded database, got ""',
    },
    {
      args: ['forecast', '--items', 'abc', '--history', 'h.csv'],
      message: '--items must be a whole number from 1 to 100,000, got "abc"',
    },
    {
      args: ['forecast', '--by', '2026-01-01', '--start', '2026-02-01', '--history', 'h.csv'],
      message: '--by: 2026-01-01 is before the start 2026-02-01\n',
    },
    {
      args: ['plan', '--psplib', 'j301_1.sm', '--threads', '65'],
      message: '--threads must be a whole number from 1 to 64, got "65"',
    },
    {
      args: ['plan', '--psplib', 'j301_1.sm', '-w', 'acme'],
      message:
        'give exactly one of --workspace W (a workspace roadmap) or --psplib FILE.sm (one PSPLIB instance)',
    },
    {
      args: ['rank', '-w', 'acme', '-f', 'rise'],
      message: '--framework: use one of rice, ice',
    },
    {
      args: ['serve', '--port', '70000'],
      message: '--port must be a whole number from 0 to 65,535, got "70000"',
    },
    {
      args: ['token', 'create', '--email', 'tess@example.com', '--expires-in-days', '400'],
      message: '--expires-in-days: at most 365 days: create a new token when it expires, got "400"',
    },
    {
      args: ['token', 'revoke', '--email', 'tess@example.com'],
      message: 'give exactly one of the token id (see `headway token list`) or --name N',
    },
    {
      args: ['user', 'create', '--email', 'tess', '--name', 'Tess', '--password', 'granite orchard lantern'],
      message: '--email: an email address such as dana@example.com, got "tess"',
    },
    {
      args: ['export', '-w', ' '],
      message: '--workspace: give a workspace id, slug or name, got " "',
    },
    {
      args: ['import', 'issues.json', '--from', 'trello', '--dry-run'],
      message: '--from must be one of jira, linear, github, csv, headway, got "trello"',
    },
  ];

  it.each(cases)('should exit 2 and say what to give: headway $args.0 …', async ({ args, message }) => {
    const result = await headway(...args);
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain(`headway: ${message}`);
    expect(result.stderr).toContain(`(run \`headway ${args[0]}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('should not echo the password of headway user create', async () => {
    const result = await headway(
      'user',
      'create',
      '--email',
      'tess@example.com',
      '--name',
      'Tess',
      '--password',
      'password12',
    );
    expect(result.code).toBe(EXIT_CODES.usage);
    expect(result.stderr).toContain('--password: it is one of the most common passwords');
    expect(result.stderr).not.toContain('"password12"');
  });

  it('should exit 2 on the command-line mistakes commander finds: an unknown flag or a missing one', async () => {
    const unknown = await headway('version', '--colour');
    expect(unknown.code).toBe(EXIT_CODES.usage);
    expect(unknown.stderr).toContain("unknown option '--colour'");
    const missing = await headway('rank', '-f', 'rice');
    expect(missing.code).toBe(EXIT_CODES.usage);
    expect(missing.stderr).toContain("required option '-w, --workspace <ref>' not specified");
  });

  it('should list the exit codes in headway --help', async () => {
    const help = await headway('--help');
    expect(help.code).toBe(EXIT_CODES.ok);
    expect(help.stdout).toMatch(/Exit codes:\n\s+0 {2}done\n\s+1 {2}failed: .*\n\s+2 {2}usage: /);
  });
});
