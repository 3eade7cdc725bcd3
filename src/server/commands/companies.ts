/**
 * Customer accounts edited by hand: their revenue, tier and segment, and their account owner —
 * the member who hears about decisions on, and risks to, what the account asked for. Editing a
 * company needs the same right as importing them (any member but a viewer).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Company, CompanyList, CreateCompany, UpdateCompany } from '../../contract';
import type { Database } from '../../db/client';
import { companies, memberships, users } from '../../db/schema';
import { AppError, notFound } from '../errors';
import { type Actor, isUuid, requireContributor } from '../policies/access';
import { type CommandContext, inTransaction } from './context';
import { loadUserNames } from './user-names';

type CompanyRow = typeof companies.$inferSelect;

/** The workspace's members by lower-case e-mail: who an `owner_email` or a file's owner names. */
export async function findMembersByEmail(db: Database, workspaceId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ userId: memberships.userId, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.userId]));
}

/** Refuses an account owner who is not a member of the workspace, saying what to send instead. */
async function requireOwnerMember(db: Database, workspaceId: string, userId: string): Promise<void> {
  const [member] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    // Held until the company is saved: a removal of this member waits, then un-owns it.
    .for('share');
  if (!member) {
    throw new AppError(
      'validation_failed',
      `ownerUserId: ${userId} is not a member of this workspace: choose the account owner among its members, or send null for none`,
      { details: { field: 'ownerUserId' } },
    );
  }
}

async function presentCompanies(db: Database, rows: readonly CompanyRow[]): Promise<Company[]> {
  const names = await loadUserNames(
    db,
    rows.map((r) => r.ownerUserId),
  );
  return rows.map((r) => ({
    id: r.id,
    externalId: r.externalId,
    name: r.name,
    domains: r.domains,
    arr: r.arr,
    tier: r.tier,
    segment: r.segment,
    owner: r.ownerUserId ? { userId: r.ownerUserId, name: names.get(r.ownerUserId) ?? '' } : null,
    importedOwner: r.importedOwner,
    version: r.version,
  }));
}

/**
 * The workspace's companies, by name.
 * @param db the database
 * @param actor a member of the workspace (any member may read them)
 */
export async function listCompanies(db: Database, actor: Actor): Promise<CompanyList> {
  const rows = await db
    .select()
    .from(companies)
    .where(eq(companies.workspaceId, actor.workspaceId))
    .orderBy(asc(sql`lower(${companies.name})`), asc(companies.createdAt));
  return { companies: await presentCompanies(db, rows) };
}

/**
 * Adds a company by hand.
 * @param ctx the database and the member adding it (not a viewer)
 * @param input its name, domains, revenue, tier, segment and account owner (a member)
 * @returns the company
 */
export async function createCompany(ctx: CommandContext, input: CreateCompany): Promise<Company> {
  requireContributor(ctx.actor);
  return inTransaction(
    ctx,
    async ({ db, actor }) => {
      if (input.ownerUserId) await requireOwnerMember(db, actor.workspaceId, input.ownerUserId);
      const [row] = await db
        .insert(companies)
        .values({
          workspaceId: actor.workspaceId,
          name: input.name,
          domains: input.domains ?? [],
          arr: input.arr ?? null,
          tier: input.tier ?? null,
          segment: input.segment ?? null,
          ownerUserId: input.ownerUserId ?? null,
        })
        .returning();
      if (!row) throw new Error('insert returned no row');
      const [company] = await presentCompanies(db, [row]);
      return company as Company;
    },
    // A company weighs the ideas its evidence is on: the Ideas page reads it again.
    () => ({ kind: 'workspaceImported', itemIds: [] }),
  );
}

/**
 * Changes a company; a change based on a stale version answers 409. Setting an owner clears the
 * owner an imported file named.
 * @param ctx the database and the member changing it (not a viewer)
 * @param companyId the company
 * @param input the fields to change and the version they were read at
 * @returns the company as it now stands
 */
export async function updateCompany(
  ctx: CommandContext,
  companyId: string,
  input: UpdateCompany,
): Promise<Company> {
  requireContributor(ctx.actor);
  if (!isUuid(companyId)) throw notFound('Company');
  return inTransaction(
    ctx,
    async ({ db, actor }) => {
      const [known] = await db
        .select()
        .from(companies)
        .where(and(eq(companies.id, companyId), eq(companies.workspaceId, actor.workspaceId)))
        .for('update');
      if (!known) throw notFound('Company');
      if (known.version !== input.version) {
        throw new AppError(
          'version_conflict',
          `Someone changed ${known.name} since you loaded it (now version ${known.version}): reload the companies and change it again`,
          { details: { currentVersion: known.version } },
        );
      }
      if (input.ownerUserId) await requireOwnerMember(db, actor.workspaceId, input.ownerUserId);
      const { version: _version, ownerUserId, ...fields } = input;
      const [row] = await db
        .update(companies)
        .set({
          ...fields,
          ...(ownerUserId === undefined ? {} : { ownerUserId, importedOwner: null }),
          version: known.version + 1,
        })
        .where(eq(companies.id, companyId))
        .returning();
      if (!row) throw new Error('update returned no row');
      const [company] = await presentCompanies(db, [row]);
      return company as Company;
    },
    () => ({ kind: 'workspaceImported', itemIds: [] }),
  );
}
