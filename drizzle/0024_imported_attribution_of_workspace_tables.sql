ALTER TABLE "evidence" ADD COLUMN "imported_created_by" text;--> statement-breakpoint
ALTER TABLE "health_updates" ADD COLUMN "imported_author" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "imported_proposed_by" text;--> statement-breakpoint
ALTER TABLE "proposals" ADD COLUMN "imported_decided_by" text;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "imported_closed_by" text;