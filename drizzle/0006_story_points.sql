ALTER TABLE "estimation_sessions" ADD COLUMN "unit" text DEFAULT 'days' NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "story_points" double precision;--> statement-breakpoint
ALTER TABLE "estimation_sessions" ADD CONSTRAINT "estimation_sessions_unit_known" CHECK ("estimation_sessions"."unit" in ('days','points'));