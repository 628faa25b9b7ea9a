CREATE TABLE "video_meeting_attendance" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "video_meeting_chat" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_meeting_invitees" (
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid NOT NULL,
	CONSTRAINT "video_meeting_invitees_meeting_id_kind_ref_id_pk" PRIMARY KEY("meeting_id","kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "video_meeting_recordings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"status" text DEFAULT 'processing' NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"size" bigint,
	"sha256" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "video_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"lobby" boolean DEFAULT true NOT NULL,
	"host_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"committee_meeting_id" uuid,
	"booking_id" uuid,
	"relay_on" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_meetings_committee_meeting_id_unique" UNIQUE("committee_meeting_id")
);
--> statement-breakpoint
ALTER TABLE "video_meeting_attendance" ADD CONSTRAINT "video_meeting_attendance_meeting_id_video_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."video_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_attendance" ADD CONSTRAINT "video_meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_chat" ADD CONSTRAINT "video_meeting_chat_meeting_id_video_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."video_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_chat" ADD CONSTRAINT "video_meeting_chat_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_invitees" ADD CONSTRAINT "video_meeting_invitees_meeting_id_video_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."video_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_recordings" ADD CONSTRAINT "video_meeting_recordings_meeting_id_video_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."video_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meeting_recordings" ADD CONSTRAINT "video_meeting_recordings_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meetings" ADD CONSTRAINT "video_meetings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meetings" ADD CONSTRAINT "video_meetings_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_meetings" ADD CONSTRAINT "video_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "video_meeting_attendance_meeting" ON "video_meeting_attendance" USING btree ("meeting_id","joined_at");--> statement-breakpoint
CREATE INDEX "video_meeting_chat_meeting" ON "video_meeting_chat" USING btree ("meeting_id","at");--> statement-breakpoint
CREATE INDEX "video_meeting_invitees_ref" ON "video_meeting_invitees" USING btree ("ref_id");--> statement-breakpoint
CREATE INDEX "video_meeting_recordings_meeting" ON "video_meeting_recordings" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "video_meeting_recordings_live" ON "video_meeting_recordings" USING btree ("status") WHERE status = 'processing';--> statement-breakpoint
CREATE INDEX "video_meetings_agency_starts" ON "video_meetings" USING btree ("agency_id","starts_at");