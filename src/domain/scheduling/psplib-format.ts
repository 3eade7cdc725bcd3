/**
 * Reader for PSPLIB single-mode RCPSP files (`.sm`), the public benchmark format.
 * Pure: takes the file text, returns an instance or the problems found in it.
 */
import type { RcpspInstance } from './rcpsp-instance';

/** A parsed PSPLIB instance: job k of the file (1-based) is job k-1 of `instance`. */
export interface PsplibInstance {
  instance: RcpspInstance;
  jobCount: number;
  resourceCount: number;
}

/** Parsing outcome: the instance, or what is wrong with the text. */
export type PsplibParseResult = { ok: true; value: PsplibInstance } | { ok: false; errors: string[] };

function readNumberAfter(lines: string[], label: RegExp): number | null {
  for (const line of lines) {
    const m = label.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}

function sectionAfter(lines: string[], header: RegExp): string[] {
  const at = lines.findIndex((l) => header.test(l));
  if (at < 0) return [];
  const out: string[] = [];
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\*{5,}/.test(line.trim())) break;
    out.push(line);
  }
  return out;
}

function numbersOf(line: string): number[] {
  return line
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')
    .map(Number);
}

/**
 * Parses the text of a PSPLIB single-mode file.
 * @param text the whole file
 * @returns the instance, or a list of errors that say what to fix
 */
export function parsePsplib(text: string): PsplibParseResult {
  const lines = text.split(/\r?\n/);
  const errors: string[] = [];
  const jobCount = readNumberAfter(lines, /jobs \(incl\. supersource\/sink \)\s*:\s*(\d+)/);
  const resourceCount = readNumberAfter(lines, /-\s*renewable\s*:\s*(\d+)/);
  if (jobCount === null) errors.push('missing "jobs (incl. supersource/sink ):" line');
  if (resourceCount === null) errors.push('missing "- renewable :" line in RESOURCES');
  if (jobCount === null || resourceCount === null) return { ok: false, errors };

  const successors: number[][] = Array.from({ length: jobCount }, () => []);
  const durations = new Array<number>(jobCount).fill(-1);
  const demands: number[][] = Array.from({ length: jobCount }, () => []);
  const seenPrecedence = new Set<number>();

  for (const line of sectionAfter(lines, /^PRECEDENCE RELATIONS:/)) {
    const nums = numbersOf(line);
    if (nums.length === 0 || nums.some(Number.isNaN)) continue;
    const [job, modes, count, ...rest] = nums;
    if (job === undefined || count === undefined || job < 1 || job > jobCount) {
      errors.push(`precedence line "${line.trim()}" names no valid job`);
      continue;
    }
    if (modes !== 1) errors.push(`job ${job} has ${modes} modes; only single-mode (.sm) files are supported`);
    if (rest.length !== count)
      errors.push(`job ${job} declares ${count} successors but lists ${rest.length}`);
    for (const s of rest) {
      if (!Number.isInteger(s) || s < 1 || s > jobCount)
        errors.push(`job ${job} has successor ${s} outside 1..${jobCount}`);
      else successors[job - 1]!.push(s - 1);
    }
    seenPrecedence.add(job);
  }

  for (const line of sectionAfter(lines, /^REQUESTS\/DURATIONS:/)) {
    const nums = numbersOf(line);
    if (nums.length === 0 || nums.some(Number.isNaN)) continue;
    const [job, , duration, ...requests] = nums;
    if (job === undefined || duration === undefined || job < 1 || job > jobCount) {
      errors.push(`request line "${line.trim()}" names no valid job`);
      continue;
    }
    if (requests.length !== resourceCount) {
      errors.push(`job ${job} lists ${requests.length} resource requests, expected ${resourceCount}`);
    }
    durations[job - 1] = duration;
    demands[job - 1] = requests;
  }

  const availabilityLines = sectionAfter(lines, /^RESOURCEAVAILABILITIES:/)
    .map(numbersOf)
    .filter((nums) => nums.length > 0 && !nums.some(Number.isNaN));
  const capacities = availabilityLines[0] ?? [];
  if (capacities.length !== resourceCount) {
    errors.push(`RESOURCEAVAILABILITIES lists ${capacities.length} capacities, expected ${resourceCount}`);
  }
  for (let j = 1; j <= jobCount; j++) {
    if (!seenPrecedence.has(j)) errors.push(`job ${j} is missing from PRECEDENCE RELATIONS`);
    if (durations[j - 1] === -1) errors.push(`job ${j} is missing from REQUESTS/DURATIONS`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { instance: { durations, demands, capacities, successors }, jobCount, resourceCount },
  };
}
