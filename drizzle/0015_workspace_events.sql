CREATE TABLE "workspace_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workspace_events_kind_known" CHECK ("workspace_events"."kind" in ('itemCreated','itemChanged','itemMoved','dependencyChanged','rankingApplied','commentAdded','estimateAccepted','estimationSessionChanged','estimationScaleSaved','rationaleAmended','snapshotPublished','workspaceImported','sampleDataAdded','memberChanged','formulaChanged'))
);
--> statement-breakpoint
ALTER TABLE "workspace_events" ADD CONSTRAINT "workspace_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_events_workspace_idx" ON "workspace_events" USING btree ("workspace_id","id");