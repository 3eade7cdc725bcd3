/**
 * The parts of GitHub's REST and webhook payloads Headway reads, checked before use: a listing
 * or a payload of another shape is refused with a message instead of half-written.
 */
import { z } from 'zod';

const Time = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO 8601 time');
const Login = z.object({ login: z.string() }).loose().nullish();

export const IssueShape = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    state: z.string(),
    state_reason: z.string().nullish(),
    labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() }).loose()])).optional(),
    created_at: Time,
    updated_at: Time,
    closed_at: Time.nullish(),
    assignee: Login,
    pull_request: z.unknown().optional(),
  })
  .loose();

export const PullShape = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullish(),
    state: z.string(),
    created_at: Time,
    updated_at: Time,
    closed_at: Time.nullish(),
    merged_at: Time.nullish(),
    head: z.object({ ref: z.string() }).loose(),
    user: Login,
  })
  .loose();

export const DeploymentShape = z
  .object({ id: z.number().int(), sha: z.string(), environment: z.string(), created_at: Time })
  .loose();
export const DeploymentStatusShape = z.object({ state: z.string(), created_at: Time }).loose();
export const ReleaseShape = z
  .object({ id: z.number().int(), draft: z.boolean(), published_at: Time.nullish() })
  .loose();
export const CommitShape = z
  .object({ commit: z.object({ committer: z.object({ date: Time }).loose().nullish() }).loose() })
  .loose();

/**
 * Reads a list GitHub sent.
 * @throws Error naming what did not match
 */
export function readList<T extends z.ZodType>(shape: T, data: unknown, what: string): z.output<T>[] {
  const parsed = z.array(shape).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`GitHub sent ${what} Headway cannot read (${issue?.path.join('.')}: ${issue?.message})`);
  }
  return parsed.data;
}
