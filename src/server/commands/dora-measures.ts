/** The DORA measures of a workspace over a period, from its recorded deployments and incidents. */
import { and, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm';
import {
  DEFAULT_ENVIRONMENT,
  DORA_DEFINITIONS,
  type DoraMeasuresView,
  type DoraQuery,
  METRICS_DEFAULTS,
  todayIso,
} from '../../contract';
import type { Database } from '../../db/client';
import { deployments, incidents } from '../../db/schema';
import { computeDoraMeasures } from '../../domain/dora';
import { formatIsoDay, MS_PER_DAY, toDayNumber } from '../../domain/shared';

/**
 * Loads the events that bear on a period and measures them.
 * @param query the period (default: the 90 days up to today, UTC) and the environment (default production)
 * @returns the four measures, their tiers by report year and their definitions
 */
export async function buildDoraMeasures(
  db: Database,
  workspaceId: string,
  query: DoraQuery,
  now = new Date(),
): Promise<DoraMeasuresView> {
  const to = query.to ?? todayIso(now);
  const from = query.from ?? formatIsoDay(toDayNumber(to) - (METRICS_DEFAULTS.periodDays - 1));
  const environment = query.environment ?? DEFAULT_ENVIRONMENT;
  const start = new Date(toDayNumber(from) * MS_PER_DAY);
  const end = new Date((toDayNumber(to) + 1) * MS_PER_DAY);

  const deployed = await db
    .select()
    .from(deployments)
    .where(
      and(
        eq(deployments.workspaceId, workspaceId),
        eq(deployments.environment, environment),
        gte(deployments.deployedAt, start),
        lt(deployments.deployedAt, end),
      ),
    );
  const keys = deployed.map((d) => d.key);
  // Incidents restored in the period or open at its end, and any that name one of its deployments.
  const bearing = or(
    and(lt(incidents.openedAt, end), or(isNull(incidents.resolvedAt), gte(incidents.resolvedAt, start))),
    keys.length > 0 ? inArray(incidents.causedBy, keys) : undefined,
  );
  const incidentRows = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.workspaceId, workspaceId), bearing));

  const measures = computeDoraMeasures({
    from,
    to,
    environment,
    deployments: deployed.map((d) => ({
      key: d.key,
      environment: d.environment,
      deployedAt: d.deployedAt.getTime(),
      commitTimes: d.commitTimes.map((c) => c.getTime()),
      succeeded: d.succeeded,
    })),
    incidents: incidentRows.map((i) => ({
      key: i.key,
      openedAt: i.openedAt.getTime(),
      resolvedAt: i.resolvedAt?.getTime() ?? null,
      causedBy: i.causedBy,
    })),
  });
  return { ...measures, definitions: [...DORA_DEFINITIONS] };
}
