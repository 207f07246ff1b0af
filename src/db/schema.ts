/** Kysely's view of the tables; one interface per table. */
export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  setting: SettingTable;
}
