/**
 * `headway events send`: records a deployment, an incident, or a file of both, as the ingest
 * API does (the same key sent again counts once).
 *
 *   headway events send -w W --deployment KEY --deployed-at T [--commit T …] [--environment E] [--failed]
 *   headway events send -w W --incident KEY [--opened-at T] [--resolved-at T] [--caused-by KEY]
 *   headway events send -w W --file events.json
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import {
  DeploymentEventSchema,
  type EventBatch,
  EventBatchSchema,
  exactlyOneOf,
  IncidentEventSchema,
  text,
  WorkspaceRefSchema,
} from '../../contract';
import { type BatchOutcome, recordEventBatch } from '../../server/commands/delivery-events';
import { describeZodError } from '../../server/errors';
import { DATABASE_FLAGS, withDatabase, withDatabaseOptions } from '../config';
import { FilePathSchema, parseFlags, SwitchSchema } from '../flags';
import { resolveWorkspace } from '../workspace-ref';

/** The flags of `headway events send`: one deployment, one incident or a file. */
export const SendEventsFlagsSchema = z
  .strictObject({
    ...DATABASE_FLAGS,
    workspace: WorkspaceRefSchema,
    deployment: text().optional(),
    deployedAt: text().optional(),
    commit: z.array(text()).default([]),
    environment: text().optional(),
    failed: SwitchSchema,
    incident: text().optional(),
    openedAt: text().optional(),
    resolvedAt: text().optional(),
    causedBy: text().optional(),
    file: FilePathSchema.optional(),
    json: SwitchSchema,
  })
  .check(exactlyOneOf({ deployment: 'KEY', incident: 'KEY', file: 'events.json' }));
type SendEventsFlags = z.output<typeof SendEventsFlagsSchema>;

/** The contract's field names as the flags that carry them. */
const FLAG_OF_FIELD = {
  key: '--deployment / --incident',
  commitTimes: '--commit',
  succeeded: '--failed',
} as const;

/** The batch a command line describes: its one event, checked by the API's schemas. */
function batchOfFlags(flags: SendEventsFlags): EventBatch {
  const naming = { arguments: FLAG_OF_FIELD };
  if (flags.deployment !== undefined) {
    const deployment = parseFlags(
      DeploymentEventSchema,
      {
        key: flags.deployment,
        deployedAt: flags.deployedAt,
        commitTimes: flags.commit,
        environment: flags.environment,
        succeeded: !flags.failed,
      },
      naming,
    );
    return { deployments: [deployment], incidents: [] };
  }
  const incident = parseFlags(
    IncidentEventSchema,
    { key: flags.incident, openedAt: flags.openedAt, resolvedAt: flags.resolvedAt, causedBy: flags.causedBy },
    naming,
  );
  return { deployments: [], incidents: [incident] };
}

/**
 * Reads a file of events: `{ "deployments": [ … ], "incidents": [ … ] }`, each event as the API takes it.
 * @throws Error naming the file and each refused field (the command fails, exit 1)
 */
export async function readEventFile(path: string): Promise<EventBatch> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = EventBatchSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** "2 deployments recorded, 1 already known; 1 incident updated". */
export function describeOutcome(outcome: BatchOutcome): string {
  const part = (kind: 'deployment' | 'incident', counts: BatchOutcome['deployments']) => {
    const total = counts.created + counts.updated + counts.unchanged;
    if (total === 0) return [];
    const said = [
      counts.created > 0 ? `${counts.created} recorded` : '',
      counts.updated > 0 ? `${counts.updated} updated` : '',
      counts.unchanged > 0 ? `${counts.unchanged} already known` : '',
    ].filter(Boolean);
    return [`${total} ${kind}${total === 1 ? '' : 's'}: ${said.join(', ')}`];
  };
  const parts = [...part('deployment', outcome.deployments), ...part('incident', outcome.incidents)];
  return parts.length > 0 ? parts.join('; ') : 'no events in the file';
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** `headway events send`. */
export function register(program: Command): void {
  const events = program.command('events').description('delivery events: deployments and incidents');
  withDatabaseOptions(
    events
      .command('send')
      .description('record a deployment, an incident, or a JSON file of both (the same key counts once)')
      .requiredOption('-w, --workspace <ref>', 'workspace id, slug or name')
      .option('--deployment <key>', 'your id of a deployment (e.g. the pipeline run)')
      .option('--deployed-at <time>', 'when it finished, ISO 8601 with an offset')
      .option('--commit <time>', 'when a change it shipped was committed (repeat for each)', collect, [])
      .option('--environment <name>', 'where it went (default production)')
      .option('--failed', 'the deployment itself failed')
      .option('--incident <key>', 'your id of an incident; send it again with --resolved-at to resolve it')
      .option('--opened-at <time>', 'when the incident opened (needed for a new one)')
      .option('--resolved-at <time>', 'when service was restored')
      .option('--caused-by <key>', 'the key of the deployment that caused the incident')
      .option(
        '--file <events.json>',
        'a file {"deployments": […], "incidents": […]}, recorded all or nothing',
      )
      .option('--json', 'print the counts as JSON'),
  ).action(async (raw: Record<string, unknown>) => {
    const flags = parseFlags(SendEventsFlagsSchema, raw);
    const batch = flags.file === undefined ? batchOfFlags(flags) : await readEventFile(flags.file);
    const outcome = await withDatabase(flags, async ({ db }) =>
      recordEventBatch(db, (await resolveWorkspace(db, flags.workspace)).id, batch),
    );
    process.stdout.write(
      flags.json ? `${JSON.stringify(outcome, null, 2)}\n` : `${describeOutcome(outcome)}\n`,
    );
  });
}
