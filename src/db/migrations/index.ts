import type { Migration } from 'kysely';
import * as m20261127Setting from './2026-11-27-0001-setting.ts';
import * as m20261127Register from './2026-11-27-0002-register.ts';
import * as m20261127SearchIndexes from './2026-11-27-0003-search-indexes.ts';
import * as m20261127Accounts from './2026-11-27-0004-accounts-applications.ts';
import * as m20261127BackOffice from './2026-11-27-0005-back-office.ts';
import * as m20261127HolderSortName from './2026-11-27-0006-holder-sort-name.ts';

/** Every migration, by name; names sort in the order they must run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026-11-27-0001-setting': m20261127Setting,
  '2026-11-27-0002-register': m20261127Register,
  '2026-11-27-0003-search-indexes': m20261127SearchIndexes,
  '2026-11-27-0004-accounts-applications': m20261127Accounts,
  '2026-11-27-0005-back-office': m20261127BackOffice,
  '2026-11-27-0006-holder-sort-name': m20261127HolderSortName,
};
