/**
 * The JSON documents inside a Headway JSON file, checked before anything is written. A file is
 * written by whoever sends it, so nothing in it is stored as it came: assessment reports are
 * computed again from the answers by this server's engine, and roadmap plans, forecasts and
 * decision details are parsed by the same schemas that read them back (only the fields those
 * schemas know are kept). Every problem names its path in the file.
 */
import type { z } from 'zod';
import {
  describeDocumentProblem,
  FileItemRefSchema,
  forecastDocumentsSchema,
  type HeadwayExport,
  ShallowJsonObjectSchema,
  snapshotPlanSchema,
} from '../../contract';
import {
  type AssessmentReport,
  assessSetup,
  DORA_BENCHMARKS,
  QUESTIONNAIRE_VERSION,
  validateAnswers,
} from '../../domain/assessment';

const FilePlanSchema = snapshotPlanSchema(FileItemRefSchema);
const FileForecastSchema = forecastDocumentsSchema(FileItemRefSchema);
const DORA_YEARS = DORA_BENCHMARKS.map((b) => b.year);

/** An assessment as it will be stored: answers checked, the report computed here. */
export interface CheckedAssessment {
  number: number;
  questionnaireVersion: number;
  variant: 'short' | 'full';
  doraYear: number;
  answers: Record<string, unknown>;
  report: AssessmentReport;
  createdBy: string | null;
  createdAt: string;
}

/** A file's documents after checking: what may be stored, or every problem found. */
export interface CheckedDocuments {
  problems: string[];
  assessments: CheckedAssessment[];
  plans: Record<string, unknown>[];
  forecasts: Pick<
    HeadwayExport['forecasts'][number],
    'subject' | 'inputs' | 'percentiles' | 'distribution' | 'outcome'
  >[];
  details: Record<string, unknown>[];
}

/** Every "item:#N" in a parsed document that names no item of the file. */
function missingItems(value: unknown, numbers: Set<number>, where: string, out: string[]): void {
  if (typeof value === 'string') {
    const ref = /^item:#(\d+)$/.exec(value);
    if (ref && !numbers.has(Number(ref[1]))) out.push(`${where}: there is no item #${ref[1]} in this file`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      missingItems(v, numbers, `${where}[${i}]`, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) missingItems(v, numbers, `${where}.${k}`, out);
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string, problems: string[]): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  problems.push(describeDocumentProblem(where, result.error));
  return null;
}

function checkAssessment(
  a: HeadwayExport['assessments'][number],
  i: number,
  workspaceName: string,
  problems: string[],
): CheckedAssessment | null {
  const where = `assessments[${i}]`;
  const before = problems.length;
  if (!DORA_YEARS.includes(a.doraYear))
    problems.push(`${where}.doraYear: the DORA report year is one of ${DORA_YEARS.join(', ')}`);
  const short = a.variant === 'short';
  const check = validateAnswers(a.answers, { short });
  for (const p of check.problems) problems.push(`${where}.answers.${p.questionId}: ${p.message}`);
  if (problems.length > before) return null;
  const report = assessSetup({
    answers: check.answers,
    short,
    doraYear: a.doraYear,
    // As when an assessment is run here: the report is headed with the workspace's name.
    company: workspaceName,
  });
  return {
    number: a.number,
    questionnaireVersion: QUESTIONNAIRE_VERSION,
    variant: a.variant,
    doraYear: report.dora.selectedYear,
    answers: check.answers as Record<string, unknown>,
    report,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
  };
}

/** The kind of subject each forecast kind must have. */
function subjectFits(kind: HeadwayExport['forecasts'][number]['kind'], subject: object): boolean {
  if (kind === 'throughput_when') return 'items' in subject;
  if (kind === 'throughput_count') return 'by' in subject;
  return 'itemIds' in subject;
}

/**
 * Checks every JSON document of a file and computes what will be stored in its place.
 * @returns the problems (empty when the file may be imported) and the checked documents
 */
export function checkDocuments(doc: HeadwayExport): CheckedDocuments {
  const problems: string[] = [];
  const numbers = new Set(doc.items.map((it) => it.number));
  const assessments = doc.assessments.flatMap((a, i) => {
    const checked = checkAssessment(a, i, doc.workspace.name, problems);
    return checked ? [checked] : [];
  });
  const plans = doc.roadmapSnapshots.map((s, i) => {
    const where = `roadmapSnapshots[${i}].plan`;
    const plan = parse(FilePlanSchema, s.plan, where, problems);
    if (plan) missingItems(plan, numbers, where, problems);
    return (plan ?? {}) as Record<string, unknown>;
  });
  const forecasts = doc.forecasts.map((f, i) => {
    const where = `forecasts[${i}]`;
    const parsed = parse(FileForecastSchema, f, where, problems);
    if (!parsed) return f;
    if (!subjectFits(f.kind, parsed.subject))
      problems.push(`${where}.subject: does not fit a ${f.kind} forecast`);
    missingItems(parsed.subject, numbers, `${where}.subject`, problems);
    return parsed as CheckedDocuments['forecasts'][number];
  });
  const details = doc.decisions.map((d, i) => {
    const parsed = parse(ShallowJsonObjectSchema, d.details, `decisions[${i}].details`, problems);
    return parsed ?? {};
  });
  return { problems, assessments, plans, forecasts, details };
}
