CREATE TABLE "target_date_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"moved_by" uuid,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_id" bigint,
	CONSTRAINT "target_date_slips_reason_given" CHECK (length(trim("target_date_slips"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "decision_log" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "decision_log" ADD COLUMN "amends_id" bigint;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "target_date_committed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "target_date_slips" ADD CONSTRAINT "target_date_slips_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_date_slips" ADD CONSTRAINT "target_date_slips_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_date_slips" ADD CONSTRAINT "target_date_slips_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_date_slips" ADD CONSTRAINT "target_date_slips_decision_id_decision_log_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision_log"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "target_date_slips_item_idx" ON "target_date_slips" USING btree ("workspace_id","item_id","moved_at");--> statement-breakpoint
ALTER TABLE "decision_log" ADD CONSTRAINT "decision_log_amends_id_decision_log_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."decision_log"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_log_actor_idx" ON "decision_log" USING btree ("workspace_id","actor_id");