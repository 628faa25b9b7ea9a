DROP INDEX "documents_agency_issued";--> statement-breakpoint
CREATE INDEX "deliveries_to_deadline_kpi" ON "deliveries" USING btree ("to_agency_id","deadline","state","handled_at","task_done_at") WHERE "deliveries"."deadline" is not null;--> statement-breakpoint
CREATE INDEX "documents_agency_issued" ON "documents" USING btree ("agency_id","issued_at","digitally_signed","pdf_sha256");