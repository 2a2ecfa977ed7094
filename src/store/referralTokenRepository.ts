// The administrator's referral tokens (partners, campaigns, posters).
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type ReferralKind = 'partner' | 'campaign' | 'poster';

export interface ReferralToken {
  token: string;
  label: string;
  kind: ReferralKind;
  createdAt: number;
}

type Row = Database['referral_tokens'];
const toToken = (row: Pick<Row, 'token' | 'label' | 'kind' | 'created_at'>): ReferralToken => ({
  token: row.token,
  label: row.label,
  kind: row.kind as ReferralKind,
  createdAt: Number(row.created_at),
});

export class ReferralTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<ReferralToken[]> {
    const rows = await this.db.selectFrom('referral_tokens').select(['token', 'label', 'kind', 'created_at']).orderBy('label').orderBy('token').execute();
    return rows.map(toToken);
  }

  async find(token: string): Promise<ReferralToken | undefined> {
    const row = await this.db.selectFrom('referral_tokens').select(['token', 'label', 'kind', 'created_at']).where('token', '=', token).executeTakeFirst();
    return row ? toToken(row) : undefined;
  }

  /** False when the token is taken already (nothing written). */
  async create(token: Omit<ReferralToken, 'createdAt'>, by: string, now: number): Promise<boolean> {
    const result = await this.db
      .insertInto('referral_tokens')
      .values({ token: token.token, label: token.label, kind: token.kind, created_at: now, created_by: by })
      .onConflict((oc) => oc.column('token').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** False when there was no such token. Its counts stay: they are history. */
  async remove(token: string): Promise<boolean> {
    const result = await this.db.deleteFrom('referral_tokens').where('token', '=', token).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
