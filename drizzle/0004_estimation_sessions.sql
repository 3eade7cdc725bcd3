CREATE TABLE "estimation_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"item_ids" jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"accepted" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "estimation_sessions_state_known" CHECK ("estimation_sessions"."state" in ('open','revealed','closed'))
);
--> statement-breakpoint
CREATE TABLE "estimation_votes" (
	"session_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"days" double precision NOT NULL,
	"size" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estimation_votes_session_id_item_id_voter_id_pk" PRIMARY KEY("session_id","item_id","voter_id"),
	CONSTRAINT "estimation_votes_days_positive" CHECK ("estimation_votes"."days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "estimation_sessions" ADD CONSTRAINT "estimation_sessions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimation_sessions" ADD CONSTRAINT "estimation_sessions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimation_votes" ADD CONSTRAINT "estimation_votes_session_id_estimation_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."estimation_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimation_votes" ADD CONSTRAINT "estimation_votes_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimation_votes" ADD CONSTRAINT "estimation_votes_voter_id_users_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "estimation_sessions_workspace_idx" ON "estimation_sessions" USING btree ("workspace_id","created_at");