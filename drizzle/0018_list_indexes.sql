CREATE INDEX "items_workspace_state_rank_idx" ON "items" USING btree ("workspace_id","state","rank");--> statement-breakpoint
CREATE INDEX "items_workspace_type_rank_idx" ON "items" USING btree ("workspace_id","type","rank");--> statement-breakpoint
CREATE INDEX "items_workspace_assignee_rank_idx" ON "items" USING btree ("workspace_id","assignee_id","rank");--> statement-breakpoint
CREATE INDEX "items_labels_idx" ON "items" USING gin ("labels" jsonb_path_ops);