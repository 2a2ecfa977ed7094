// Notes on a conversation for colleagues (and supervisors' whispers, handover notes): encrypted
// with the conversation's key like her messages; the visitor never sees them.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { TranscriptCipher } from './encryption/transcriptCipher.js';

export type NoteKind = 'note' | 'whisper' | 'handover';

export interface StoredNote {
  id: string;
  kind: NoteKind;
  body: string;
  author: string;
  createdAt: number;
}

export class NoteRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: TranscriptCipher,
  ) {}

  async add(note: { id: string; conversationId: string; staffId: string; kind: NoteKind; body: string; now: number }): Promise<void> {
    await this.db
      .insertInto('conversation_notes')
      .values({
        id: note.id,
        conversation_id: note.conversationId,
        staff_id: note.staffId,
        kind: note.kind,
        body: await this.cipher.encrypt(note.conversationId, note.body),
        created_at: note.now,
      })
      .execute();
  }

  async list(conversationId: string): Promise<StoredNote[]> {
    const rows = await this.db
      .selectFrom('conversation_notes')
      .innerJoin('staff', 'staff.id', 'conversation_notes.staff_id')
      .select(['conversation_notes.id', 'kind', 'body', 'conversation_notes.created_at', 'staff.display_name'])
      .where('conversation_id', '=', conversationId)
      .orderBy('conversation_notes.created_at')
      .orderBy('conversation_notes.id')
      .execute();
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        kind: r.kind as NoteKind,
        body: await this.cipher.decrypt(conversationId, r.body),
        author: r.display_name,
        createdAt: r.created_at,
      })),
    );
  }

  async find(conversationId: string, id: string): Promise<StoredNote | undefined> {
    return (await this.list(conversationId)).find((n) => n.id === id);
  }
}
