CREATE TABLE "citizen_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_verified_at" timestamp with time zone,
	"identifier" text,
	"verify_token_hash" text,
	"verify_token_expires_at" timestamp with time zone,
	CONSTRAINT "citizen_profiles_verify_token_hash_unique" UNIQUE("verify_token_hash")
);
--> statement-breakpoint
CREATE TABLE "registry_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_identifier" text NOT NULL,
	"citizen_id" uuid,
	"agency_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"submission_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_identifier" text NOT NULL,
	"citizen_id" uuid,
	"submission_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"document_id" uuid,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_lookups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"holder_identifier" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"consent_id" uuid,
	"purpose" text NOT NULL,
	"allowed" boolean NOT NULL,
	"result_count" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_holidays" (
	"agency_id" uuid NOT NULL,
	"date" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "service_holidays_agency_id_date_pk" PRIMARY KEY("agency_id","date")
);
--> statement-breakpoint
CREATE TABLE "service_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"required_documents" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"processing_days" integer NOT NULL,
	"fee" integer DEFAULT 0 NOT NULL,
	"result_kind" text NOT NULL,
	"is_registry" boolean DEFAULT false NOT NULL,
	"holder_field" text,
	"validity_months" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_procedures_code" UNIQUE("agency_id","code")
);
--> statement-breakpoint
CREATE TABLE "service_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"procedure_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"citizen_id" uuid,
	"applicant_name" text NOT NULL,
	"applicant_email" text,
	"tracking_hash" text,
	"state" text NOT NULL,
	"values" jsonb NOT NULL,
	"holder_identifier" text,
	"consent_purpose" text,
	"channel" text DEFAULT 'online' NOT NULL,
	"incoming_number" integer,
	"incoming_year" integer,
	"submitted_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_days" integer DEFAULT 0 NOT NULL,
	"assignee_id" uuid,
	"assigned_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_reason" text,
	"result_document_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_submissions_tracking_hash_unique" UNIQUE("tracking_hash"),
	CONSTRAINT "service_submissions_incoming" UNIQUE("agency_id","incoming_year","incoming_number")
);
--> statement-breakpoint
CREATE TABLE "service_submission_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"message" text,
	"values" jsonb,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizen_profiles" ADD CONSTRAINT "citizen_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_consents" ADD CONSTRAINT "registry_consents_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_consents" ADD CONSTRAINT "registry_consents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_consents" ADD CONSTRAINT "registry_consents_submission_id_service_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."service_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_submission_id_service_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."service_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_entries" ADD CONSTRAINT "registry_entries_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_lookups" ADD CONSTRAINT "registry_lookups_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_lookups" ADD CONSTRAINT "registry_lookups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_lookups" ADD CONSTRAINT "registry_lookups_consent_id_registry_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "public"."registry_consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_holidays" ADD CONSTRAINT "service_holidays_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_procedures" ADD CONSTRAINT "service_procedures_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_procedures" ADD CONSTRAINT "service_procedures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_procedure_id_service_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."service_procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_citizen_id_users_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submissions" ADD CONSTRAINT "service_submissions_result_document_id_documents_id_fk" FOREIGN KEY ("result_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submission_events" ADD CONSTRAINT "service_submission_events_submission_id_service_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."service_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_submission_events" ADD CONSTRAINT "service_submission_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registry_consents_holder" ON "registry_consents" USING btree ("holder_identifier","agency_id");--> statement-breakpoint
CREATE INDEX "registry_entries_holder" ON "registry_entries" USING btree ("holder_identifier");--> statement-breakpoint
CREATE INDEX "registry_lookups_holder" ON "registry_lookups" USING btree ("holder_identifier","created_at");--> statement-breakpoint
CREATE INDEX "service_submissions_queue" ON "service_submissions" USING btree ("unit_id","state","deadline");--> statement-breakpoint
CREATE INDEX "service_submissions_agency" ON "service_submissions" USING btree ("agency_id","submitted_at");--> statement-breakpoint
CREATE INDEX "service_submissions_citizen" ON "service_submissions" USING btree ("citizen_id","created_at");--> statement-breakpoint
CREATE INDEX "service_submission_events_submission" ON "service_submission_events" USING btree ("submission_id","created_at");