CREATE TABLE "idea_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"unit" text NOT NULL,
	"reach" integer NOT NULL,
	"out_of" integer,
	"impact" double precision,
	"note" text,
	"recorded_by" uuid,
	"imported_recorded_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_adoptions_unit_known" CHECK ("idea_adoptions"."unit" in ('accounts','users')),
	CONSTRAINT "idea_adoptions_reach_not_negative" CHECK ("idea_adoptions"."reach" >= 0),
	CONSTRAINT "idea_adoptions_out_of_covers_reach" CHECK ("idea_adoptions"."out_of" is null or "idea_adoptions"."out_of" >= greatest("idea_adoptions"."reach", 1)),
	CONSTRAINT "idea_adoptions_impact_not_negative" CHECK ("idea_adoptions"."impact" is null or "idea_adoptions"."impact" >= 0),
	CONSTRAINT "idea_adoptions_period_ordered" CHECK ("idea_adoptions"."period_end" >= "idea_adoptions"."period_start")
);
--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_adoptions_item_idx" ON "idea_adoptions" USING btree ("workspace_id","item_id");