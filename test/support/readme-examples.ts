/**
 * Reads the CLI examples out of a Markdown document: the command lines of its shell code blocks
 * and, in a ```console block, the output shown under each command.
 */

/** One command line of a code block that runs the Headway CLI. */
export interface ReadmeExample {
  /** The command as written, without a console block's `$ ` prompt. */
  command: string;
  /** Its 1-based line number in the document. */
  line: number;
  /** Which code block of the document it is in, counted from 0. */
  block: number;
  /** The lines a ```console block shows under it (none in other blocks). */
  output: string[];
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console']);
const CLI_COMMAND = /^(?:headway|npx headway|npm run headway)(?:\s|$)/;

/** The CLI examples of a Markdown document, in document order. */
export function readCliExamples(markdown: string): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  let fence: { language: string; block: number } | undefined;
  let blocks = 0;
  // In a console block, output lines belong to the last command, whether it is run or not.
  let current: ReadmeExample | undefined;
  markdown.split('\n').forEach((text, index) => {
    const opening = /^```\s*([\w-]*)/.exec(text);
    if (opening) {
      fence = fence ? undefined : { language: opening[1] ?? '', block: blocks++ };
      current = undefined;
      return;
    }
    if (!fence || !SHELL_LANGUAGES.has(fence.language)) return;
    const isConsole = fence.language === 'console';
    if (isConsole && !text.startsWith('$ ')) {
      current?.output.push(text);
      return;
    }
    const command = (isConsole ? text.slice(2) : text).trim();
    current = CLI_COMMAND.test(command)
      ? { command, line: index + 1, block: fence.block, output: [] }
      : undefined;
    if (current) examples.push(current);
  });
  return examples;
}

/**
 * Splits a command line into words as a POSIX shell does for plain words, '…' and "…" quotes
 * and backslash escapes; no variables, globs or operators.
 * @throws on an unterminated quote.
 */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    const next = line[i + 1] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && /["\\$`]/.test(next)) {
        word += next;
        i++;
      } else word += char;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === '\\') {
        word += next;
        i++;
      } else word += char;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} in: ${line}`);
  if (inWord) words.push(word);
  return words;
}

/**
 * The output a ```console block shows under a command, as a regular expression on what the
 * command prints: a line `…` stands for any number of lines, `…` within a line for any text.
 */
export function outputPattern(expected: string[]): RegExp {
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = expected.map((line) =>
    line.trim() === '…' ? '(?:[^\\n]*\\n)*?' : `${line.split('…').map(escapeRegExp).join('[^\\n]*')}\\n`,
  );
  return new RegExp(`^${lines.join('')}`, 'm');
}
