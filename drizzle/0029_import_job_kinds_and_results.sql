ALTER TABLE "import_jobs" ADD COLUMN "kind" text DEFAULT 'headway' NOT NULL;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_kind_known" CHECK ("import_jobs"."kind" in ('headway','foreign','merge'));