CREATE TABLE `connection_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`user_id` text,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `connection_outcomes_connection_idx` ON `connection_outcomes` (`connection_id`);--> statement-breakpoint
CREATE TABLE `connections` (
	`id` text PRIMARY KEY NOT NULL,
	`requester_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`pair_key` text NOT NULL,
	`reasons` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`responded_at` integer,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recipient_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `connections_live_pair_unique` ON `connections` (`pair_key`) WHERE status in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX `connections_recipient_idx` ON `connections` (`recipient_id`,`status`);--> statement-breakpoint
CREATE INDEX `connections_requester_idx` ON `connections` (`requester_id`,`status`);--> statement-breakpoint
CREATE TABLE `user_populations` (
	`user_id` text NOT NULL,
	`population_key` text NOT NULL,
	PRIMARY KEY(`user_id`, `population_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`population_key`) REFERENCES `key_populations`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `user_topics` (
	`user_id` text NOT NULL,
	`topic_key` text NOT NULL,
	PRIMARY KEY(`user_id`, `topic_key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic_key`) REFERENCES `topics`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `follow_up_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`follow_up_id` text NOT NULL,
	`prompt_en` text NOT NULL,
	`prompt_fr` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `follow_up_questions_round_idx` ON `follow_up_questions` (`follow_up_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `follow_up_responses` (
	`follow_up_id` text NOT NULL,
	`user_id` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`invited_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`reminded_at` integer,
	`started_at` integer,
	`updated_at` integer,
	`submitted_at` integer,
	PRIMARY KEY(`follow_up_id`, `user_id`),
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `follow_up_responses_user_idx` ON `follow_up_responses` (`user_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`opens_on` text NOT NULL,
	`closes_on` text NOT NULL,
	`months_after` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`invited_at` integer,
	`reminded_at` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_event_day_unique` ON `follow_ups` (`event_id`,`opens_on`);--> statement-breakpoint
CREATE TABLE `applied_stories` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text,
	`organisation_id` text,
	`country_code` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`application_ways` text NOT NULL,
	`visibility` text DEFAULT 'members' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`country_code`) REFERENCES `countries`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `applied_stories_created_idx` ON `applied_stories` (`created_at`);--> statement-breakpoint
CREATE INDEX `applied_stories_author_idx` ON `applied_stories` (`author_id`);--> statement-breakpoint
CREATE TABLE `applied_story_case_studies` (
	`story_id` text NOT NULL,
	`case_study_id` text NOT NULL,
	PRIMARY KEY(`story_id`, `case_study_id`),
	FOREIGN KEY (`story_id`) REFERENCES `applied_stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_study_id`) REFERENCES `case_studies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `applied_story_case_studies_case_study_idx` ON `applied_story_case_studies` (`case_study_id`);--> statement-breakpoint
CREATE TABLE `applied_story_themes` (
	`story_id` text NOT NULL,
	`theme_id` text NOT NULL,
	PRIMARY KEY(`story_id`, `theme_id`),
	FOREIGN KEY (`story_id`) REFERENCES `applied_stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `applied_story_themes_theme_idx` ON `applied_story_themes` (`theme_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `expertise` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `contact_details` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `share_email_with_connections` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `connection_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `follow_up_id` text;