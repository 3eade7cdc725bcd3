/** Which actions of an assessment's started growth plan are done, from the tasks made for them. */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { items } from '../../db/schema';
import { type AssessmentReport, describePlanProgress, type StartedAction } from '../../domain/assessment';

/**
 * The started actions of an assessment's growth plan, each with the state of its task.
 * @param db the database
 * @param workspaceId the workspace
 * @param assessment the assessment's number and its report (whose plan was started)
 * @returns the started actions in plan order; empty when no horizon was started
 */
export async function loadPlanProgress(
  db: Database,
  workspaceId: string,
  assessment: { number: number; report: AssessmentReport },
): Promise<StartedAction[]> {
  const tasks = await db
    .select({ number: items.number, title: items.title, state: items.state, labels: items.labels })
    .from(items)
    .where(
      and(
        eq(items.workspaceId, workspaceId),
        eq(items.type, 'task'),
        sql`${items.labels} @> ${JSON.stringify(['growth-plan'])}::jsonb`,
      ),
    );
  return describePlanProgress({
    assessmentNumber: assessment.number,
    horizons: assessment.report.plan.horizons,
    tasks,
  });
}
