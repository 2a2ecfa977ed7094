export type Dialect = 'sqlite' | 'postgres';
/** The few facts a migration may need to stay portable (e.g. auto-increment syntax). */
export interface MigrationContext {
  dialect: Dialect;
}
