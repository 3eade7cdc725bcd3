/**
 * The catch-up sync of a GitHub connection: reads what changed in the repository since the last
 * sync (issues and pull requests by `updated_at`, new deployments and releases) and writes it in
 * one transaction. A plain function of the database and a connection id, so a timer, a button or
 * a job queue can run it.
 */

import type { Octokit } from '@octokit/rest';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { deployments, githubConnections } from '../../db/schema';
import { recordDeployment } from '../commands/delivery-events';
import { lockWorkspaceOrder } from '../commands/item-order';
import { recordChanges } from '../live/record';
import { applyIssues, applyPulls, type GithubIssue, type GithubPull } from './apply';
import { createGithubClient, type GithubClock } from './client';
import { loadSealKey, unseal } from './seal';
import {
  CommitShape,
  DeploymentShape,
  DeploymentStatusShape,
  IssueShape,
  PullShape,
  ReleaseShape,
  readList,
} from './shapes';

/** Where GitHub is and how to wait for it; tests point it at a local server. */
export interface GithubOptions {
  baseUrl?: string | undefined;
  clock?: GithubClock | undefined;
}

type Connection = typeof githubConnections.$inferSelect;
type DeploymentRecord = Parameters<typeof recordDeployment>[2];

/** Environment under which releases are recorded as deployments (`?environment=release`). */
export const RELEASE_ENVIRONMENT = 'release';
const PER_PAGE = 100;

/** The client of a stored connection, with its token unsealed. */
export async function clientFor(
  db: Database,
  connection: Connection,
  options: GithubOptions,
  fresh: Record<string, string> = {},
): Promise<Octokit> {
  const token = unseal(await loadSealKey(db), connection.tokenSealed);
  return createGithubClient({
    token,
    baseUrl: options.baseUrl,
    etags: connection.etags,
    fresh,
    clock: options.clock,
  });
}

/**
 * Issues or pull requests updated since a moment, read page by page, newest change first. GitHub
 * sorts both lists by `updated_at`, so the first older one ends the read.
 * @param pages the list's pages, sorted by `updated_at` descending
 * @param shape how one entry must look
 * @param what the list's name, for the error when GitHub sends something else
 * @param since the last sync's moment, or null to read everything
 */
async function readUpdatedSince<T extends { updated_at: string }>(
  pages: AsyncIterable<{ data: unknown }>,
  shape: z.ZodType<T>,
  what: string,
  since: Date | null,
): Promise<T[]> {
  const read: T[] = [];
  for await (const page of pages) {
    const entries = readList(shape, page.data, what);
    const recent = entries.filter((e) => !since || Date.parse(e.updated_at) >= since.getTime());
    read.push(...recent);
    if (recent.length < entries.length) break;
  }
  return read;
}

/** The list options GitHub's issues and pull requests share: every state, latest change first. */
const byLatestChange = (c: Connection) =>
  ({
    owner: c.owner,
    repo: c.repo,
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    per_page: PER_PAGE,
  }) as const;

async function readIssues(octokit: Octokit, c: Connection): Promise<GithubIssue[]> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
    ...byLatestChange(c),
    // The issues list filters by `since` itself; pull requests have no such parameter.
    ...(c.issuesSince ? { since: c.issuesSince.toISOString() } : {}),
  });
  return readUpdatedSince(pages, IssueShape, 'issues', c.issuesSince);
}

async function readPulls(octokit: Octokit, c: Connection): Promise<GithubPull[]> {
  const pages = octokit.paginate.iterator(octokit.rest.pulls.list, byLatestChange(c));
  return readUpdatedSince(pages, PullShape, 'pull requests', c.pullsSince);
}

async function isRecorded(db: Database, workspaceId: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.workspaceId, workspaceId), eq(deployments.key, key)))
    .limit(1);
  return row !== undefined;
}

/** When the deployed commit was made, or nothing when GitHub cannot say. */
async function commitTime(octokit: Octokit, c: Connection, sha: string): Promise<string[]> {
  const { data } = await octokit.rest.repos.getCommit({ owner: c.owner, repo: c.repo, ref: sha });
  const [commit] = readList(CommitShape, [data], 'a commit');
  const date = commit?.commit.committer?.date;
  return date ? [date] : [];
}

/**
 * A deployment as Headway records it once it has finished (its latest status says success,
 * failure or error), with its commit's time; null while it is still under way.
 */
export async function deploymentRecord(
  octokit: Octokit,
  c: Connection,
  deployment: { id: number; sha: string; environment: string },
  status?: { state: string; created_at: string },
): Promise<DeploymentRecord | null> {
  let latest = status;
  if (!latest) {
    const { data } = await octokit.rest.repos.listDeploymentStatuses({
      owner: c.owner,
      repo: c.repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    latest = readList(DeploymentStatusShape, data, 'deployment statuses')[0];
  }
  if (!latest || !['success', 'failure', 'error'].includes(latest.state)) return null;
  const deployedAt = latest.created_at;
  const commits = (await commitTime(octokit, c, deployment.sha)).filter(
    (t) => Date.parse(t) <= Date.parse(deployedAt),
  );
  return {
    key: `github-deployment-${deployment.id}`,
    deployedAt,
    environment: deployment.environment,
    commitTimes: commits,
    succeeded: latest.state === 'success',
  };
}

/** New deployments, newest first, up to the first one already recorded. */
async function readDeployments(db: Database, octokit: Octokit, c: Connection): Promise<DeploymentRecord[]> {
  const read: DeploymentRecord[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.repos.listDeployments, {
    owner: c.owner,
    repo: c.repo,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    for (const deployment of readList(DeploymentShape, page.data, 'deployments')) {
      if (await isRecorded(db, c.workspaceId, `github-deployment-${deployment.id}`)) return read;
      const record = await deploymentRecord(octokit, c, deployment);
      if (record) read.push(record);
    }
  }
  return read;
}

/** A published release as a deployment of the `release` environment. */
export function releaseRecord(release: { id: number; draft: boolean; published_at?: string | null }) {
  if (release.draft || !release.published_at) return null;
  return {
    key: `github-release-${release.id}`,
    deployedAt: release.published_at,
    environment: RELEASE_ENVIRONMENT,
    commitTimes: [],
    succeeded: true,
  } satisfies DeploymentRecord;
}

async function readReleases(db: Database, octokit: Octokit, c: Connection): Promise<DeploymentRecord[]> {
  const read: DeploymentRecord[] = [];
  const pages = octokit.paginate.iterator(octokit.rest.repos.listReleases, {
    owner: c.owner,
    repo: c.repo,
    per_page: PER_PAGE,
  });
  for await (const page of pages) {
    for (const release of readList(ReleaseShape, page.data, 'releases')) {
      const record = releaseRecord(release);
      if (!record) continue;
      if (await isRecorded(db, c.workspaceId, record.key)) return read;
      read.push(record);
    }
  }
  return read;
}

const latest = (times: string[], since: Date | null): Date | null =>
  times.reduce<Date | null>((m, t) => (m === null || Date.parse(t) > m.getTime() ? new Date(t) : m), since);

/** Serialises the writes of one connection (a sync, a webhook) for the rest of the transaction. */
export async function lockConnection(tx: Database, connectionId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`github:${connectionId}`}))`);
}

/** What one sync read and wrote. */
export interface SyncReport {
  issues: number;
  pullRequests: number;
  deployments: number;
  releases: number;
  itemsChanged: number;
}

/**
 * Reads what changed since the connection's cursors and writes it, all or nothing; the error of
 * a failed sync is kept on the connection (never the token) and thrown.
 * @returns what was read, or null when the connection no longer exists
 */
export async function syncGithubConnection(
  db: Database,
  connectionId: string,
  options: GithubOptions = {},
): Promise<SyncReport | null> {
  const [connection] = await db
    .select()
    .from(githubConnections)
    .where(eq(githubConnections.id, connectionId));
  if (!connection) return null;
  const fresh: Record<string, string> = {};
  try {
    const octokit = await clientFor(db, connection, options, fresh);
    const issues = await readIssues(octokit, connection);
    const pulls = await readPulls(octokit, connection);
    const shipped = await readDeployments(db, octokit, connection);
    const released = await readReleases(db, octokit, connection);
    return await db.transaction(async (t) => {
      const tx = t as unknown as Database;
      await lockConnection(tx, connection.id);
      await lockWorkspaceOrder(tx, connection.workspaceId);
      const changed = [
        ...(await applyIssues(tx, connection.workspaceId, issues)),
        ...(await applyPulls(tx, connection.workspaceId, pulls)),
      ];
      let recorded = 0;
      for (const event of [...shipped, ...released]) {
        const receipt = await recordDeployment(tx, connection.workspaceId, event);
        if (receipt.outcome === 'created') recorded += 1;
      }
      // GitHub's `since` includes its moment: what was read at the cursor last time is not counted again.
      const isNew = (at: string, since: Date | null) => since === null || Date.parse(at) > since.getTime();
      const report: SyncReport = {
        issues: issues.filter((i) => i.pull_request == null && isNew(i.updated_at, connection.issuesSince))
          .length,
        pullRequests: pulls.filter((p) => isNew(p.updated_at, connection.pullsSince)).length,
        deployments: shipped.length,
        releases: released.length,
        itemsChanged: new Set(changed).size,
      };
      const [now] = await tx
        .select({ counts: githubConnections.counts })
        .from(githubConnections)
        .where(eq(githubConnections.id, connection.id));
      const c = now?.counts ?? connection.counts;
      await tx
        .update(githubConnections)
        .set({
          issuesSince: latest(
            issues.map((i) => i.updated_at),
            connection.issuesSince,
          ),
          pullsSince: latest(
            pulls.map((p) => p.updated_at),
            connection.pullsSince,
          ),
          etags: fresh,
          counts: {
            issues: c.issues + report.issues,
            pullRequests: c.pullRequests + report.pullRequests,
            deployments: c.deployments + report.deployments,
            releases: c.releases + report.releases,
          },
          lastSyncAt: new Date(),
          lastSyncError: null,
          version: sql`${githubConnections.version} + 1`,
        })
        .where(eq(githubConnections.id, connection.id));
      if (report.itemsChanged > 0 || recorded > 0) {
        await recordChanges(tx, connection.workspaceId, [{ kind: 'workspaceImported' }]);
      }
      return report;
    });
  } catch (error) {
    const message = describeFailure(error);
    await db
      .update(githubConnections)
      .set({ lastSyncAt: new Date(), lastSyncError: message })
      .where(eq(githubConnections.id, connection.id));
    throw new Error(message);
  }
}

/** What a failed sync says: GitHub's status and message, never a header or the token. */
export function describeFailure(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401) return 'GitHub refused the token (401): connect again with a valid token';
  if (status === 403)
    return `GitHub refused access (403): give the token read access to this repository (${message.slice(0, 200)})`;
  if (status === 404)
    return 'GitHub answers 404 for this repository: check its name and that the token may read it';
  return message.slice(0, 500);
}
