CREATE TABLE `session_case_studies` (
	`session_id` text NOT NULL,
	`case_study_id` text NOT NULL,
	PRIMARY KEY(`session_id`, `case_study_id`),
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_case_studies_case_study_idx` ON `session_case_studies` (`case_study_id`);--> statement-breakpoint
CREATE TABLE `synthesis_reports` (
	`event_id` text PRIMARY KEY NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`title_fr` text DEFAULT '' NOT NULL,
	`narrative_en` text,
	`narrative_fr` text,
	`visibility` text DEFAULT 'event' NOT NULL,
	`published_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `theme_evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`theme_id` text NOT NULL,
	`target_type` text NOT NULL,
	`case_study_id` text,
	`section_key` text,
	`thread_id` text,
	`post_id` text,
	`target_key` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`session_id` text,
	`tagged_by` text,
	`tagged_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `event_sessions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`tagged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `theme_evidence_theme_idx` ON `theme_evidence` (`theme_id`);--> statement-breakpoint
CREATE INDEX `theme_evidence_case_study_idx` ON `theme_evidence` (`case_study_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `theme_evidence_target_unique` ON `theme_evidence` (`theme_id`,`target_key`);--> statement-breakpoint
CREATE TABLE `theme_recurrences` (
	`theme_id` text NOT NULL,
	`other_theme_id` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	PRIMARY KEY(`theme_id`, `other_theme_id`),
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`other_theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text,
	`kind` text NOT NULL,
	`title_en` text NOT NULL,
	`title_fr` text NOT NULL,
	`description_en` text,
	`description_fr` text,
	`description_text_en` text DEFAULT '' NOT NULL,
	`description_text_fr` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`visibility` text DEFAULT 'event' NOT NULL,
	`merged_into_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `themes_event_idx` ON `themes` (`event_id`,`kind`,`sort_order`);