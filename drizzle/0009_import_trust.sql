CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"bytes" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"workspace_id" uuid,
	"error" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_status_known" CHECK ("import_jobs"."status" in ('queued','running','done','failed'))
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "imported_created_by" text;--> statement-breakpoint
ALTER TABLE "decision_log" ADD COLUMN "imported_actor" text;--> statement-breakpoint
ALTER TABLE "target_date_slips" ADD COLUMN "imported_moved_by" text;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "imported_author" text;--> statement-breakpoint
ALTER TABLE "item_state_changes" ADD COLUMN "imported_changed_by" text;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "imported_estimated_by" text;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "imported_assignee" text;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "imported_created_by" text;--> statement-breakpoint
ALTER TABLE "scoring_formulas" ADD COLUMN "imported_created_by" text;--> statement-breakpoint
ALTER TABLE "forecasts" ADD COLUMN "imported_made_by" text;--> statement-breakpoint
ALTER TABLE "roadmap_snapshots" ADD COLUMN "imported_published_by" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "imported_name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "imported_joined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "import_status" text;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_import_status_known" CHECK ("workspaces"."import_status" is null or "workspaces"."import_status" = 'importing');