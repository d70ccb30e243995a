// What tests/support/global-setup.ts hands to every test file through vitest's `inject`.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run under .test-data/, removed at teardown. */
    runDirectory: string;
    /** A migrated database with the taxonomy seeded: each test file gets its own copy. */
    templateDatabasePath: string;
    /** The real Meilisearch child process started for this run. */
    meiliHost: string;
    meiliMasterKey: string;
    /** Prefix for index names, unique to this run: test files add their own suffix. */
    meiliIndexPrefix: string;
  }
}

export {};
