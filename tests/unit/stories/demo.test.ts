import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { users } from '@/db/schema/accounts';
import { caseStudies } from '@/db/schema/case-studies';
import { appliedStories, appliedStoryCaseStudies } from '@/db/schema/stories';
import { seedDemoNetwork } from '@/db/seed/demo';
import { loadCaseStudy } from '@/lib/case-studies/load';
import { can } from '@/lib/policy/rules';
import { storyFacts } from '@/lib/stories/facts';
import { appliedCounts, listStories } from '@/lib/stories/queries';
import { testDb } from '../../support/database';
import { viewerOf } from '../../support/personas';

// The demo stories on the whole demo network: plausible spread, links that hold, and visitors seeing
// "applied by 2 organisations in 2 countries" on the faith-leaders case study.

const faithLeaders = 'Opening the door with faith leaders: dialogues on sexuality, health and HIV in two Kenyan counties';
const caseStudyIdOf = (title: string) => testDb().select({ id: caseStudies.id }).from(caseStudies).where(eq(caseStudies.title, title)).get()!.id;
const viewerNamed = (username: string) => viewerOf(testDb().select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id);

beforeAll(async () => {
  await seedDemoNetwork(testDb(), fs.mkdtempSync(path.join(os.tmpdir(), 'baraza-demo-')));
}, 60_000);

describe('the demo stories', () => {
  it('are 8 to 12 stories from several organisations and countries, 2016 to 2026, of every visibility', () => {
    const rows = testDb().select().from(appliedStories).all();
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(new Set(rows.map((row) => row.organisationId)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.map((row) => row.countryCode)).size).toBeGreaterThanOrEqual(6);
    const years = rows.map((row) => row.createdAt.getUTCFullYear());
    expect(Math.min(...years)).toBe(2016);
    expect(Math.max(...years)).toBe(2026);
    expect(new Set(rows.map((row) => row.visibility))).toEqual(new Set(['public', 'members', 'organisation']));
    expect(rows.filter((row) => row.visibility === 'organisation')).toHaveLength(1);
  });

  it('link only published case studies their authors may read', () => {
    const rows = testDb().select().from(appliedStories).innerJoin(appliedStoryCaseStudies, eq(appliedStoryCaseStudies.storyId, appliedStories.id)).all();
    expect(rows.length).toBeGreaterThan(0);
    for (const { applied_stories: story, applied_story_case_studies: link } of rows) {
      const { row, facts } = loadCaseStudy(testDb(), link.caseStudyId);
      expect(row.status, story.title).toBe('published');
      expect(can(viewerOf(story.authorId!), 'caseStudy.read', facts), story.title).toBe(true);
    }
  });

  it('show visitors that the faith-leaders case study was applied by 2 organisations in 2 countries', () => {
    const caseStudyId = caseStudyIdOf(faithLeaders);
    const counts = appliedCounts(null, { caseStudyId });
    expect(counts.organisations).toBeGreaterThanOrEqual(2);
    expect(counts.countries).toBeGreaterThanOrEqual(2);
    expect(listStories(null, 'en', { caseStudyId }).items.every((item) => item.visibility === 'public')).toBe(true);
  });

  it('keep the organisation-only story to its organisation', () => {
    const hidden = testDb().select().from(appliedStories).where(eq(appliedStories.visibility, 'organisation')).get()!;
    const outsider = viewerNamed('member');
    const insider = viewerNamed('akello');
    expect(can(outsider, 'story.read', storyFacts(hidden))).toBe(false);
    expect(can(insider, 'story.read', storyFacts(hidden))).toBe(true);
    expect(listStories(outsider, 'en', { pageSize: 50 }).items.map((item) => item.id)).not.toContain(hidden.id);
    expect(listStories(insider, 'en', { pageSize: 50 }).items.map((item) => item.id)).toContain(hidden.id);
  });
});
