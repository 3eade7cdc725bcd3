CREATE TABLE "health_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "health_updates_item_version" UNIQUE("item_id","version"),
	CONSTRAINT "health_updates_status_known" CHECK ("health_updates"."status" in ('on_track','at_risk','off_track')),
	CONSTRAINT "health_updates_version_positive" CHECK ("health_updates"."version" > 0),
	CONSTRAINT "health_updates_note_given" CHECK (length(trim("health_updates"."note")) > 0)
);
--> statement-breakpoint
ALTER TABLE "health_updates" ADD CONSTRAINT "health_updates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_updates" ADD CONSTRAINT "health_updates_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_updates" ADD CONSTRAINT "health_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_updates_workspace_idx" ON "health_updates" USING btree ("workspace_id","item_id");