import { beforeAll, describe, expect, it } from 'vitest';
import { getNetworkImpact } from '@/lib/impact/queries';
import type { Viewer } from '@/lib/policy/types';
import { seedPersonas, type Personas } from '../../support/personas';
import { completeAnswer, createRespondents, insertImpactEvent, insertResponse, insertRound } from './fixtures';

// Its own file (its own database): the network's totals cover every event in the database.

let personas: Personas;
beforeAll(async () => {
  personas = await seedPersonas();
});

describe('the network’s figures', () => {
  it('lists each event’s response rate, hides events 4 answered, and pools only events 5 or more answered', async () => {
    const large = insertImpactEvent('public');
    const small = insertImpactEvent('public');
    const hiddenFromVisitors = insertImpactEvent('members');
    const people = await createRespondents(12);
    const largeRound = insertRound(large.id, '2030-02-01');
    const largeLater = insertRound(large.id, '2030-08-01');
    // Large event: 8 invited, 6 answered; one of them answered both rounds (counted once, with the later answer).
    people.slice(0, 8).forEach((person, index) =>
      insertResponse(largeRound, person.id, index < 6 ? completeAnswer({ connected: index < 3 ? 'yes' : 'no' }) : null, index < 6 ? new Date('2030-02-03T10:00:00Z') : undefined),
    );
    insertResponse(largeLater, people[3]!.id, completeAnswer({ connected: 'yes' }), new Date('2030-08-02T10:00:00Z'));
    // Small event: 4 answered of 10, all saying they were not in touch. Pooled, they would change the network's figures.
    const smallRound = insertRound(small.id, '2030-03-01');
    people.slice(0, 10).forEach((person, index) => insertResponse(smallRound, person.id, index < 4 ? completeAnswer({ connected: 'no' }) : null, index < 4 ? new Date('2030-03-02T10:00:00Z') : undefined));
    const membersRound = insertRound(hiddenFromVisitors.id, '2030-04-01');
    insertResponse(membersRound, people[0]!.id, null);

    const impact = getNetworkImpact(personas.viewers.otherOrganisationMember as Viewer, 'en');
    const rowOf = (slug: string) => impact.events.find((entry) => entry.slug === slug)?.row;
    expect(rowOf(large.slug)).toEqual({ key: large.id, status: 'shown', invited: 8, submitted: 6, share: 0.75 });
    expect(rowOf(small.slug)).toEqual({ key: small.id, status: 'hidden' });
    expect(rowOf(hiddenFromVisitors.slug)).toEqual({ key: hiddenFromVisitors.id, status: 'hidden' });
    expect(impact.events.every((entry) => !entry.isMine)).toBe(true);
    // Pooled: the large event's 6 members only, person 4 with their later "yes".
    expect(impact.charts.responseRate).toMatchObject({ status: 'shown', base: 8, rows: [{ count: 6 }] });
    expect(impact.charts.connected).toMatchObject({ status: 'shown', base: 6, rows: [{ count: 4, share: 4 / 6 }] });
    expect(impact.canExport).toBe(false);
    expect(getNetworkImpact(personas.viewers.admin, 'en').canExport).toBe(true);
  });
});
