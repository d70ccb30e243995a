import { findViewer } from '../../lib/accounts/queries';
import { recordStory, storyInputFor } from './fault-writer-input';

// The writer the crash run kills: records applied-learning stories through the app's own mutation (the
// policy check, validation and one immediate transaction a member's request runs), as fast as it can, and
// prints each id only once its transaction has committed, as a server would answer the member. Whatever
// it printed is an acknowledged write that must survive `kill -9`.
const [userId, organisationId, caseStudyId] = process.argv.slice(2);
if (!userId || !organisationId || !caseStudyId || !process.env.DATABASE_PATH) throw new Error('Usage: DATABASE_PATH=... fault-writer.ts <userId> <organisationId> <caseStudyId>');
const viewer = findViewer(userId, 1);
if (!viewer) throw new Error(`No member ${userId}`);

for (let written = 1; ; written += 1) {
  const { id } = recordStory({ viewer, input: storyInputFor({ organisationId, caseStudyId }, `Crash test story ${written}`) });
  // Synchronous on Linux pipes: once this returns, the parent can read the id.
  process.stdout.write(`${id}\n`);
}
