ALTER TABLE "companies" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "imported_owner" text;--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;