import type { Kysely, Migration } from 'kysely';

// Warm handovers to an organisation (police, Veilig Thuis, a shelter): what the counsellor
// recorded, sealed with the conversation's data key like notes, so retention (which deletes the
// key) makes the contents unreadable and clears them. Kind, method, status and times stay plain
// for the supervisors' list and the yearly counts.
export const handovers: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('handovers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      /** consent (she agreed) or emergency (immediate danger to life, without her consent) */
      .addColumn('kind', 'text', (c) => c.notNull())
      /** recorded (consent), pending, approved or refused (emergency) */
      .addColumn('status', 'text', (c) => c.notNull())
      /** phone or letter */
      .addColumn('method', 'text', (c) => c.notNull())
      /** An entry of the referral directory, when one was chosen (no foreign key: built separately). */
      .addColumn('directory_entry_id', 'text')
      /** Sealed JSON { organisation, consentSummary, shared, reason }; null after retention. */
      .addColumn('sealed', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.references('staff.id'))
      .addColumn('decided_at', 'bigint')
      .execute();
    await db.schema.createIndex('handovers_conversation').on('handovers').column('conversation_id').execute();
    await db.schema.createIndex('handovers_created').on('handovers').column('created_at').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('handovers').execute();
  },
};
