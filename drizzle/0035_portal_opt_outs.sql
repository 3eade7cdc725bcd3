CREATE TABLE "portal_opt_outs" (
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portal_opt_outs_workspace_id_email_pk" PRIMARY KEY("workspace_id","email")
);
--> statement-breakpoint
ALTER TABLE "portal_notices" ADD COLUMN "stop_token_hash" text;--> statement-breakpoint
ALTER TABLE "portal_opt_outs" ADD CONSTRAINT "portal_opt_outs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_notices" ADD CONSTRAINT "portal_notices_stop_token_hash_unique" UNIQUE("stop_token_hash");