/**
 * The writes of an evidence import, inside the transaction `importEvidence` opens: companies
 * matched on external id (else name) and updated or created, each evidence row's company and
 * idea resolved, evidence matched on external id and updated or created.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { CompanyCsvRow, EvidenceCsvRow, EvidenceProblem } from '../../contract';
import { companies, evidence, items } from '../../db/schema';
import { companyDomainOf } from '../../domain/discovery';
import { findMembersByEmail } from './companies';
import type { CommandContext } from './context';
import { createItem } from './items';

interface CompanyRow {
  id: string;
  externalId: string | null;
  name: string;
  domains: string[];
  arr: number | null;
  tier: string | null;
  segment: string | null;
  ownerUserId: string | null;
  version: number;
}

export interface EvidenceRows {
  evidence: { row: number; value: EvidenceCsvRow }[];
  companies: { row: number; value: CompanyCsvRow }[];
}

export interface WriteCounts {
  totals: {
    evidenceCreated: number;
    evidenceUpdated: number;
    companiesCreated: number;
    ideas: number;
    ideasCreated: number;
  };
  problems: EvidenceProblem[];
}

/** Every company of the workspace, findable by external id, lower-case name and domain. */
class CompanyDirectory {
  private readonly byExternal = new Map<string, CompanyRow>();
  private readonly byName = new Map<string, CompanyRow>();
  private readonly byDomain = new Map<string, CompanyRow>();

  constructor(rows: readonly CompanyRow[]) {
    for (const row of rows) this.add(row);
  }

  add(row: CompanyRow): void {
    if (row.externalId !== null) this.byExternal.set(row.externalId, row);
    if (!this.byName.has(row.name.toLowerCase())) this.byName.set(row.name.toLowerCase(), row);
    for (const domain of row.domains) if (!this.byDomain.has(domain)) this.byDomain.set(domain, row);
  }

  find(reference: string): CompanyRow | undefined {
    return this.byExternal.get(reference) ?? this.byName.get(reference.toLowerCase());
  }

  findByEmail(email: string): CompanyRow | undefined {
    return this.byDomain.get(email.slice(email.lastIndexOf('@') + 1));
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, index) => value === b[index]);

async function writeCompanies(
  ctx: CommandContext,
  rows: EvidenceRows['companies'],
  directory: CompanyDirectory,
  problems: EvidenceProblem[],
): Promise<number> {
  const { db, actor } = ctx;
  const members = rows.some(({ value }) => value.owner_email !== null)
    ? await findMembersByEmail(db, actor.workspaceId)
    : new Map<string, string>();
  let created = 0;
  for (const { row, value } of rows) {
    const known =
      (value.external_id === null ? undefined : directory.find(value.external_id)) ??
      directory.find(value.name);
    // A blank owner_email leaves the owner as it is; an e-mail must be a member's.
    let ownerUserId = known?.ownerUserId ?? null;
    if (value.owner_email !== null) {
      const member = members.get(value.owner_email);
      if (member === undefined) {
        problems.push({
          file: 'companies',
          row,
          column: 'owner_email',
          message: `${value.owner_email} is not a member of this workspace: give a member's e-mail as the account owner, or leave it blank`,
          severity: 'error',
        });
      } else ownerUserId = member;
    }
    const fields = {
      name: value.name,
      domains: value.domains,
      arr: value.arr,
      tier: value.tier,
      segment: value.segment,
      ownerUserId,
    };
    if (known) {
      const unchanged =
        known.ownerUserId === fields.ownerUserId &&
        known.name === fields.name &&
        sameList(known.domains, fields.domains) &&
        known.arr === fields.arr &&
        known.tier === fields.tier &&
        known.segment === fields.segment &&
        (value.external_id === null || known.externalId === value.external_id);
      if (unchanged) continue;
      const externalId = value.external_id ?? known.externalId;
      await db
        .update(companies)
        .set({
          ...fields,
          ...(value.owner_email === null ? {} : { importedOwner: null }),
          externalId,
          version: known.version + 1,
        })
        .where(eq(companies.id, known.id));
      directory.add({ ...known, ...fields, externalId, version: known.version + 1 });
    } else {
      const [row] = await db
        .insert(companies)
        .values({ workspaceId: actor.workspaceId, externalId: value.external_id, ...fields })
        .returning();
      if (!row) throw new Error('insert returned no row');
      directory.add(row);
      created += 1;
    }
  }
  return created;
}

/** The idea an `idea_ref` names: `#12` or `12` is item number 12, anything else an item's external key. */
async function resolveIdeas(
  ctx: CommandContext,
  rows: EvidenceRows['evidence'],
  problems: EvidenceProblem[],
): Promise<{ ideaOf: Map<string, string>; created: number }> {
  const { db, actor } = ctx;
  const found = await db
    .select({ id: items.id, number: items.number, externalKey: items.externalKey })
    .from(items)
    .where(eq(items.workspaceId, actor.workspaceId));
  const byNumber = new Map(found.map((item) => [String(item.number), item.id]));
  const byKey = new Map<string, string>();
  for (const item of found) if (item.externalKey !== null) byKey.set(item.externalKey, item.id);
  const ideaOf = new Map<string, string>();
  let created = 0;
  for (const { row, value } of rows) {
    const ref = value.idea_ref;
    if (ref === null || ideaOf.has(ref)) continue;
    const number = /^#?(\d{1,9})$/.exec(ref)?.[1];
    if (number !== undefined) {
      const id = byNumber.get(String(Number(number)));
      if (id) ideaOf.set(ref, id);
      else {
        problems.push({
          file: 'evidence',
          row,
          column: 'idea_ref',
          message: `there is no item #${Number(number)} in this workspace: give an existing item's number, or a name for a new idea`,
          severity: 'error',
        });
      }
      continue;
    }
    const known = byKey.get(ref);
    if (known) {
      ideaOf.set(ref, known);
      continue;
    }
    const idea = await createItem(ctx, { type: 'feature', title: ref });
    await db.update(items).set({ externalSource: 'csv', externalKey: ref }).where(eq(items.id, idea.id));
    ideaOf.set(ref, idea.id);
    byKey.set(ref, idea.id);
    created += 1;
  }
  return { ideaOf, created };
}

/**
 * Writes the checked rows of an evidence import.
 * @param ctx a context inside the import's transaction
 * @returns what was created and updated, and problems only the database could find
 */
export async function writeEvidence(ctx: CommandContext, rows: EvidenceRows): Promise<WriteCounts> {
  const { db, actor } = ctx;
  const problems: EvidenceProblem[] = [];
  const directory = new CompanyDirectory(
    await db.select().from(companies).where(eq(companies.workspaceId, actor.workspaceId)),
  );
  let companiesCreated = await writeCompanies(ctx, rows.companies, directory, problems);
  const { ideaOf, created: ideasCreated } = await resolveIdeas(ctx, rows.evidence, problems);
  const existing = new Map<string, typeof evidence.$inferSelect>();
  const keyed = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.workspaceId, actor.workspaceId), isNotNull(evidence.externalId)));
  for (const row of keyed) if (row.externalId !== null) existing.set(row.externalId, row);
  let evidenceCreated = 0;
  let evidenceUpdated = 0;
  for (const { row, value } of rows.evidence) {
    let company =
      value.company === null
        ? value.requester_email === null
          ? undefined
          : directory.findByEmail(value.requester_email)
        : directory.find(value.company);
    if (value.company !== null && company === undefined) {
      // The requester's domain, unless it is a mailbox provider's or another company's already.
      const domain = value.requester_email === null ? null : companyDomainOf(value.requester_email);
      const learnt = domain !== null && directory.findByEmail(`x@${domain}`) === undefined ? domain : null;
      const [made] = await db
        .insert(companies)
        .values({ workspaceId: actor.workspaceId, name: value.company, domains: learnt ? [learnt] : [] })
        .returning();
      if (!made) throw new Error('insert returned no row');
      directory.add(made);
      company = made;
      companiesCreated += 1;
      problems.push({
        file: 'evidence',
        row,
        column: 'company',
        message: learnt
          ? `company "${value.company}" was not known: it is created with the domain ${learnt} (from its requester's e-mail) and without revenue`
          : `company "${value.company}" was not known: it is created without revenue or domains`,
        severity: 'warning',
      });
    }
    const fields = {
      itemId: value.idea_ref === null ? null : (ideaOf.get(value.idea_ref) ?? null),
      sourceType: value.source_type,
      sourceUrl: value.source_url,
      requesterEmail: value.requester_email,
      companyId: company?.id ?? null,
      body: value.text,
      importance: value.importance,
      givenAt: new Date(value.created_at ?? Date.now()),
    };
    const known = value.external_id === null ? undefined : existing.get(value.external_id);
    if (known) {
      const unchanged =
        known.itemId === fields.itemId &&
        known.sourceType === fields.sourceType &&
        known.sourceUrl === fields.sourceUrl &&
        known.requesterEmail === fields.requesterEmail &&
        known.companyId === fields.companyId &&
        known.body === fields.body &&
        known.importance === fields.importance &&
        (value.created_at === null || known.givenAt.getTime() === fields.givenAt.getTime());
      if (unchanged) continue;
      await db
        .update(evidence)
        .set({
          ...fields,
          givenAt: value.created_at === null ? known.givenAt : fields.givenAt,
          version: known.version + 1,
        })
        .where(eq(evidence.id, known.id));
      evidenceUpdated += 1;
    } else {
      await db.insert(evidence).values({
        workspaceId: actor.workspaceId,
        externalId: value.external_id,
        createdBy: actor.userId,
        ...fields,
      });
      evidenceCreated += 1;
    }
  }
  return {
    totals: {
      evidenceCreated,
      evidenceUpdated,
      companiesCreated,
      ideas: ideaOf.size === 0 ? 0 : new Set(ideaOf.values()).size,
      ideasCreated,
    },
    problems,
  };
}
