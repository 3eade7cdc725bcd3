/**
 * A workspace's GitHub connection: connecting a repository with a token, its status, and what a
 * sync read. The token and the webhook secret are never answered again after the connect.
 */
import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, text } from './common';

const REPOSITORY = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

export const ConnectGithubSchema = z.strictObject({
  repository: text()
    .trim()
    .regex(REPOSITORY, 'give the repository as owner/name, e.g. "acme/shop"')
    .refine(
      (r) => !r.endsWith('/.') && !r.endsWith('/..'),
      'give the repository as owner/name, e.g. "acme/shop"',
    )
    .describe('owner/name of the repository'),
  token: text()
    .regex(
      /^[A-Za-z0-9_]{20,255}$/,
      'give a fine-grained personal access token (github_pat_…) or a GitHub App installation token (ghs_…), as GitHub shows it',
    )
    .describe(
      'read access to issues, pull requests, deployments and contents (releases); stored sealed, never shown again',
    ),
});
export type ConnectGithub = z.infer<typeof ConnectGithubSchema>;

export const GithubCountsSchema = z.object({
  issues: z.number().int(),
  pullRequests: z.number().int(),
  deployments: z.number().int(),
  releases: z.number().int(),
});

/** A connection as shown: never its token or webhook secret. */
export const GithubConnectionSchema = z.object({
  id: IdSchema,
  repository: z.string(),
  connectedAt: IsoDateTimeSchema,
  connectedBy: z.string().nullable().describe('the name of who connected it'),
  webhookUrl: z
    .string()
    .describe('where GitHub sends this repository’s events (content type application/json)'),
  lastSyncAt: IsoDateTimeSchema.nullable(),
  lastSyncError: z.string().nullable(),
  lastWebhookAt: IsoDateTimeSchema.nullable(),
  counts: GithubCountsSchema.describe('issues, pull requests, deployments and releases read so far'),
});
export type GithubConnection = z.infer<typeof GithubConnectionSchema>;

export const GithubStatusSchema = z.object({ connection: GithubConnectionSchema.nullable() });
export type GithubStatus = z.infer<typeof GithubStatusSchema>;

export const ConnectedGithubSchema = GithubConnectionSchema.extend({
  webhookSecret: z
    .string()
    .describe('the secret to give GitHub for this webhook (shown once; a new one needs a new connection)'),
});
export type ConnectedGithub = z.infer<typeof ConnectedGithubSchema>;
