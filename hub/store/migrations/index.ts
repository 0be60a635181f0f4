// The numbered migrations, in order. Each file is one step and is never edited after release.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
