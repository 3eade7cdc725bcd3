import { describe, expect, it } from 'vitest';
import { outputPattern, readCliExamples, splitShellWords } from './readme-examples';

const FENCE = '```';

describe('readCliExamples', () => {
  it('should take the CLI lines of shell blocks only, with the output a console block shows', () => {
    const markdown = [
      `${FENCE}bash`,
      'npm ci && npm start',
      'npx headway serve --demo',
      'curl http://localhost:3000/api/me',
      FENCE,
      `${FENCE}ts`,
      'headway(not, a, command)',
      FENCE,
      `${FENCE}console`,
      '$ npm run headway -- --version',
      '0.1.0',
      '$ curl http://localhost:3000/api/health',
      '{"status":"ok"}',
      '$ headway assess --format md',
      '# Development setup assessment',
      '…',
      FENCE,
    ].join('\n');
    expect(readCliExamples(markdown)).toEqual([
      { command: 'npx headway serve --demo', line: 3, block: 0, output: [] },
      { command: 'npm run headway -- --version', line: 10, block: 2, output: ['0.1.0'] },
      {
        command: 'headway assess --format md',
        line: 14,
        block: 2,
        output: ['# Development setup assessment', '…'],
      },
    ]);
  });
});

describe('splitShellWords', () => {
  it('should keep quoted words whole and drop the quotes', () => {
    expect(splitShellWords(`npx headway rank -w "Acme Analytics (demo)" --name 'it''s' a\\ b ""`)).toEqual([
      'npx',
      'headway',
      'rank',
      '-w',
      'Acme Analytics (demo)',
      '--name',
      'its',
      'a b',
      '',
    ]);
  });

  it('should refuse an unterminated quote', () => {
    expect(() => splitShellWords('headway rank -w "Acme')).toThrow(/unterminated "/);
  });
});

describe('outputPattern', () => {
  const printed = 'Title\n\nrank  item\n   1  #91\n   2  #150\n… 37 more ranked items\n';

  it('should match when every shown line is printed in order, … standing for left-out text', () => {
    expect(printed).toMatch(
      outputPattern(['Title', '', 'rank  item', '…', '   2  #…', '… more ranked items']),
    );
  });

  it('should not match a line that is printed differently or out of order', () => {
    expect(printed).not.toMatch(outputPattern(['Title', 'rank  item']));
    expect(printed).not.toMatch(outputPattern(['rank  item', '…', 'Title']));
    expect(printed).not.toMatch(outputPattern(['Title (RICE)']));
  });
});
