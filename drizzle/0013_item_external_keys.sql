ALTER TABLE "items" ADD COLUMN "external_source" text;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "external_key" text;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "external_version" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "items_external_key" ON "items" USING btree ("workspace_id","external_source","external_key") WHERE "items"."external_key" is not null;