import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { z } from 'zod';
import {
  type AssessmentReport,
  assessSetup,
  compareAssessments,
  DORA_BENCHMARKS,
  renderComparisonMarkdown,
  renderJson,
  renderMarkdown,
  validateAnswers,
} from '../../domain/assessment';
import { renderReportHtml } from '../../render/assessment-report-html';
import { printHtmlToPdf } from '../../server/pdf';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';

const FORMATS = ['md', 'json', 'html', 'pdf'] as const;
const DORA_YEARS = DORA_BENCHMARKS.map((b) => String(b.year));

/** The flags of `headway assess`. */
const AssessFlagsSchema = z
  .strictObject({
    answers: FilePathSchema,
    format: z.enum(FORMATS, `must be one of ${FORMATS.join(', ')}`).default('md'),
    short: SwitchSchema,
    doraYear: z
      .string()
      .refine((year) => DORA_YEARS.includes(year), `must be one of ${DORA_YEARS.join(', ')}`)
      .default('2024')
      .transform(Number),
    compare: FilePathSchema.optional(),
    out: FilePathSchema.optional(),
  })
  .check((ctx) => {
    const { compare, format, out } = ctx.value;
    if (compare !== undefined && (format === 'html' || format === 'pdf')) {
      ctx.issues.push({
        code: 'custom',
        message: 'works with --format md or json',
        input: compare,
        path: ['compare'],
      });
    }
    if (format === 'pdf' && out === undefined) {
      ctx.issues.push({ code: 'custom', message: '--format pdf needs --out FILE.pdf', input: format });
    }
  });

/**
 * Reads an answers file (YAML or JSON): either `{ company?, answers: {...} }` or a flat mapping
 * of question id to answer.
 * @returns the company name, if any, and the raw answers
 */
function readAnswersFile(path: string): { company?: string; raw: unknown } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new Error(
      `${path} is not valid YAML or JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && 'answers' in parsed) {
    const { company, answers } = parsed as { company?: unknown; answers: unknown };
    return typeof company === 'string' ? { company, raw: answers } : { raw: answers };
  }
  return { raw: parsed };
}

/** Reads, validates and assesses one answers file; throws with every bad answer listed. */
function assessFile(path: string, options: { short: boolean; doraYear: number }): AssessmentReport {
  const { company, raw } = readAnswersFile(path);
  const check = validateAnswers(raw, { short: options.short });
  if (check.problems.length > 0) {
    const lines = check.problems.map((p) => `  - ${p.questionId}: ${p.message}`);
    throw new Error(
      `${path} has ${check.problems.length} bad answer${check.problems.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    );
  }
  return assessSetup({
    answers: check.answers,
    short: options.short,
    doraYear: options.doraYear,
    ...(company ? { company } : {}),
  });
}

/** `headway assess`: assesses a development setup from an answers file, without a server. */
export function register(program: Command): void {
  program
    .command('assess')
    .description('assess a development setup from a YAML or JSON answers file (no server needed)')
    .requiredOption(
      '--answers <file>',
      'answers file (YAML or JSON), e.g. examples/assessment/seed-cto-runs-delivery.yaml',
    )
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--short', 'use the short questionnaire (answers to other questions are ignored)')
    .option('--dora-year <year>', `DORA report year to benchmark against: ${DORA_YEARS.join(', ')}`, '2024')
    .option('--compare <file>', 'an earlier answers file: add what changed since then (md and json only)')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseFlags(AssessFlagsSchema, raw);
      const settings = { short: options.short, doraYear: options.doraYear };
      const report = assessFile(options.answers, settings);
      if (options.format === 'pdf') {
        writeFileSync(options.out as string, await printHtmlToPdf(renderReportHtml(report)));
        process.stderr.write(`Wrote ${options.out}\n`);
        return;
      }
      let output: string;
      if (options.format === 'html') output = renderReportHtml(report);
      else if (options.format === 'json' && !options.compare) output = renderJson(report);
      else if (options.format === 'json' && options.compare) {
        const comparison = compareAssessments({
          before: assessFile(options.compare, settings),
          after: report,
        });
        output = `${JSON.stringify({ report: JSON.parse(renderJson(report)), comparison }, null, 2)}\n`;
      } else {
        output = renderMarkdown(report);
        if (options.compare) {
          const comparison = compareAssessments({
            before: assessFile(options.compare, settings),
            after: report,
          });
          output = `${output}\n${renderComparisonMarkdown(comparison)}`;
        }
      }
      if (options.out) writeFileSync(options.out, output);
      else process.stdout.write(output);
    });
}
