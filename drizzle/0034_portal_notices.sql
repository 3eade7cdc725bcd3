CREATE TABLE "portal_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_notices_once" UNIQUE("item_id","email","kind","key"),
	CONSTRAINT "portal_notices_kind_known" CHECK ("portal_notices"."kind" in ('decision','at-risk'))
);
--> statement-breakpoint
ALTER TABLE "portal_notices" ADD CONSTRAINT "portal_notices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_notices" ADD CONSTRAINT "portal_notices_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_notices_workspace_idx" ON "portal_notices" USING btree ("workspace_id");