CREATE TABLE "cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"carried_over_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"carried_to_cycle_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycles_dates_ordered" CHECK ("cycles"."start_date" <= "cycles"."end_date")
);
--> statement-breakpoint
CREATE TABLE "workflow_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"builtin_state" text NOT NULL,
	"position" integer NOT NULL,
	"wip_limit" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "workflow_states_name" UNIQUE("workspace_id","name"),
	CONSTRAINT "workflow_states_category_known" CHECK ("workflow_states"."category" in ('backlog','unstarted','started','done','cancelled')),
	CONSTRAINT "workflow_states_builtin_known" CHECK ("workflow_states"."builtin_state" in ('new','ready','in_progress','in_review','done','cancelled')),
	CONSTRAINT "workflow_states_category_follows_builtin" CHECK ((builtin_state = 'new' and category = 'backlog') or (builtin_state = 'ready' and category = 'unstarted') or (builtin_state = 'in_progress' and category = 'started') or (builtin_state = 'in_review' and category = 'started') or (builtin_state = 'done' and category = 'done') or (builtin_state = 'cancelled' and category = 'cancelled')),
	CONSTRAINT "workflow_states_wip_limit_positive" CHECK ("workflow_states"."wip_limit" is null or "workflow_states"."wip_limit" > 0)
);
--> statement-breakpoint
ALTER TABLE "workspace_events" DROP CONSTRAINT "workspace_events_kind_known";--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "workflow_state_id" uuid;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "cycle_id" uuid;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_carried_to_cycle_id_cycles_id_fk" FOREIGN KEY ("carried_to_cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_states" ADD CONSTRAINT "workflow_states_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycles_workspace_idx" ON "cycles" USING btree ("workspace_id","start_date");--> statement-breakpoint
CREATE INDEX "workflow_states_workspace_idx" ON "workflow_states" USING btree ("workspace_id","position");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_workflow_state_id_workflow_states_id_fk" FOREIGN KEY ("workflow_state_id") REFERENCES "public"."workflow_states"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "items_cycle_idx" ON "items" USING btree ("cycle_id");--> statement-breakpoint
ALTER TABLE "workspace_events" ADD CONSTRAINT "workspace_events_kind_known" CHECK ("workspace_events"."kind" in ('itemCreated','itemChanged','itemMoved','dependencyChanged','rankingApplied','commentAdded','estimateAccepted','estimationSessionChanged','estimationScaleSaved','rationaleAmended','snapshotPublished','workspaceImported','sampleDataAdded','memberChanged','formulaChanged','workflowChanged','cycleChanged'));--> statement-breakpoint
INSERT INTO "workflow_states" ("workspace_id", "name", "category", "builtin_state", "position")
SELECT w."id", d."name", d."category", d."builtin_state", d."position"
FROM "workspaces" w
CROSS JOIN (VALUES
	('New', 'backlog', 'new', 0),
	('Ready', 'unstarted', 'ready', 1),
	('In progress', 'started', 'in_progress', 2),
	('In review', 'started', 'in_review', 3),
	('Done', 'done', 'done', 4),
	('Cancelled', 'cancelled', 'cancelled', 5)
) AS d("name", "category", "builtin_state", "position");
