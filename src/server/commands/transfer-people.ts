/**
 * Who a Headway JSON file names, and who they become in the new workspace: the importer its
 * founder, everyone else an invitation bound to their e-mail (or, for the server's own demo
 * only, the account with that e-mail).
 */
import type { HeadwayExport } from '../../contract';
import type { invitations, memberships } from '../../db/schema';
import type { Role } from '../../domain/decision-rights';
import { type ScoreSetting, settingsForAll } from '../../domain/prioritization';
import { MS_PER_DAY } from '../../domain/shared';
import { createSecret, hashSecret } from '../auth/secrets';

const INVITATION_DAYS = 14;

/** Who a person named by the file is here: an account (trusted demo only) or an imported e-mail. */
export interface PersonRef {
  id: string | null;
  imported: string | null;
}
export type ResolvePerson = (email: string | null) => PersonRef;

/** Every person named by the file as an imported e-mail, never an account. */
export const importedPerson: ResolvePerson = (email) => ({
  id: null,
  imported: email?.toLowerCase() ?? null,
});

/** An invitation an import created, with its link (shown once). */
export interface ImportInvitation {
  email: string;
  name: string;
  role: Role;
  path: string;
  expiresAt: string;
}

/**
 * Memberships and invitations of the new workspace. The importer is its founder (keeping the
 * FTE, skills and joining date the file gives them); with `members: 'invite'` everyone else the
 * file lists gets an invitation bound to their e-mail.
 */
export function planPeople(
  doc: HeadwayExport,
  workspaceId: string,
  options: {
    importerId: string | null;
    importerEmail: string | null;
    person: ResolvePerson;
    members: 'invite' | 'trusted';
  },
) {
  const importerEmail = options.importerEmail?.toLowerCase() ?? null;
  const mine = doc.members.find((m) => m.email.toLowerCase() === importerEmail);
  const memberRows: (typeof memberships.$inferInsert)[] = [];
  const invitationRows: (typeof invitations.$inferInsert)[] = [];
  const links: ImportInvitation[] = [];
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * MS_PER_DAY);
  for (const m of doc.members) {
    if (m === mine) continue;
    const id = options.members === 'trusted' ? options.person(m.email).id : null;
    if (id) {
      memberRows.push({
        workspaceId,
        userId: id,
        role: m.role,
        fte: m.fte,
        skills: m.skills,
        joinedAt: new Date(m.joinedAt),
      });
      continue;
    }
    const token = createSecret('hwi');
    const email = m.email.toLowerCase();
    invitationRows.push({
      workspaceId,
      tokenHash: hashSecret(token),
      email,
      role: m.role,
      fte: m.fte,
      skills: m.skills,
      createdBy: options.importerId,
      expiresAt,
      importedName: m.name,
      importedJoinedAt: new Date(m.joinedAt),
    });
    links.push({
      email,
      name: m.name,
      role: m.role,
      path: `/join/${token}`,
      expiresAt: expiresAt.toISOString(),
    });
  }
  if (options.importerId) {
    memberRows.push({
      workspaceId,
      userId: options.importerId,
      role: 'founder',
      fte: mine?.fte ?? 1,
      skills: mine?.skills ?? [],
      joinedAt: mine ? new Date(mine.joinedAt) : new Date(),
    });
  }
  // Without an importer (the CLI without --as, the demo) nobody holds a role yet; founder as before.
  const role: Role = 'founder';
  return { memberRows, invitationRows, links, role };
}

/**
 * Who set each score input of an imported item, as the file says: the setter is an account here
 * only when the import trusts that person, else kept as the e-mail written; an input the file
 * names no setter for stays "set before this was recorded". A file written before setters were
 * kept (no `scoreProvenance`) has its scores set by this import.
 * @param item the file's item
 * @param imported the setting of an input this import writes
 * @param by how people named by the file are recorded
 * @returns the provenance, one entry per score input
 */
export function readScoreProvenance(
  item: HeadwayExport['items'][number],
  imported: ScoreSetting,
  by: ResolvePerson,
): Record<string, ScoreSetting> {
  if (item.scoreProvenance === undefined) return settingsForAll(item.scores, imported);
  const provenance: Record<string, ScoreSetting> = {};
  for (const [key, written] of Object.entries(item.scoreProvenance)) {
    if (!Object.hasOwn(item.scores, key)) continue;
    const setter = by(written.by);
    provenance[key] = {
      by: setter.id,
      at: new Date(written.at).toISOString(),
      source: written.source,
      ...(written.range ? { range: written.range } : {}),
      ...(written.basis ? { basis: written.basis } : {}),
      ...(setter.id === null && setter.imported ? { importedBy: setter.imported } : {}),
    };
  }
  return provenance;
}
