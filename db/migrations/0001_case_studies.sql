CREATE TABLE `attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_study_id` text NOT NULL,
	`storage_name` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`byte_size` integer NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `attachments_case_study_idx` ON `attachments` (`case_study_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_storage_unique` ON `attachments` (`storage_name`);--> statement-breakpoint
CREATE TABLE `call_organisations` (
	`call_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`call_id`, `organisation_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`opens_on` text NOT NULL,
	`deadline` text NOT NULL,
	`guidance_en` text DEFAULT '' NOT NULL,
	`guidance_fr` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `calls_event_idx` ON `calls` (`event_id`);--> statement-breakpoint
CREATE TABLE `case_studies` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`event_id` text,
	`call_id` text,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`visibility` text DEFAULT 'organisation' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`submitted_at` integer,
	`published_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `case_studies_organisation_idx` ON `case_studies` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `case_studies_event_idx` ON `case_studies` (`event_id`);--> statement-breakpoint
CREATE INDEX `case_studies_status_idx` ON `case_studies` (`status`,`published_at`);--> statement-breakpoint
CREATE TABLE `case_study_authors` (
	`case_study_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`case_study_id`, `user_id`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_study_authors_user_idx` ON `case_study_authors` (`user_id`);--> statement-breakpoint
CREATE TABLE `case_study_countries` (
	`case_study_id` text NOT NULL,
	`country_code` text NOT NULL,
	PRIMARY KEY(`case_study_id`, `country_code`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`country_code`) REFERENCES `countries`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_study_populations` (
	`case_study_id` text NOT NULL,
	`population_key` text NOT NULL,
	PRIMARY KEY(`case_study_id`, `population_key`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`population_key`) REFERENCES `key_populations`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_study_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_study_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`sections` text NOT NULL,
	`submitted_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_study_revisions_number_unique` ON `case_study_revisions` (`case_study_id`,`number`);--> statement-breakpoint
CREATE TABLE `case_study_sections` (
	`case_study_id` text NOT NULL,
	`key` text NOT NULL,
	`content` text NOT NULL,
	`plain_text` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`case_study_id`, `key`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `case_study_topics` (
	`case_study_id` text NOT NULL,
	`topic` text NOT NULL,
	`is_free_tag` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`case_study_id`, `topic`),
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_study_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_study_id` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`actor_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `case_study_transitions_case_study_idx` ON `case_study_transitions` (`case_study_id`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`case_study_id` text NOT NULL,
	`revision_number` integer NOT NULL,
	`section_key` text,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_comments_case_study_idx` ON `review_comments` (`case_study_id`);