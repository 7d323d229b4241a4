/**
 * The scenario format's version. Bump it only with a step in migrate.ts that turns the
 * previous version into this one, and keep a frozen sample of the old format in the tests.
 */
export const CURRENT_VERSION = 1;

/** The oldest version migrate.ts still reads. */
export const OLDEST_VERSION = 1;
