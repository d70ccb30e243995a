import { prepareDatabase, resolvePaths } from './prepare';

const { dataDir, databasePath } = resolvePaths();
await prepareDatabase({ dataDir, databasePath, demo: false });
process.stdout.write(`Migrated ${databasePath}\n`);
