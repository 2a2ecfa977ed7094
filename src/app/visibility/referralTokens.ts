// The administrator's referral tokens: listed, added and removed, each change audited in the
// same transaction.
import type { Repositories } from '../../store/repositories.js';
import type { ReferralKind, ReferralToken } from '../../store/referralTokenRepository.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';

export class ReferralTokens {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(): Promise<ReferralToken[]> {
    return this.repos.referrals.list();
  }

  find(token: string): Promise<ReferralToken | undefined> {
    return this.repos.referrals.find(token);
  }

  async create(input: { token: string; label: string; kind: ReferralKind }, actor: StaffMember): Promise<ReferralToken> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      if (!(await tx.referrals.create(input, actor.id, now))) throw new ServiceError('conflict', 'this token is in use already');
      await tx.audit.append({ at: now, staffId: actor.id, action: 'referral.create', targetType: 'referral', targetId: input.token, detail: { kind: input.kind } });
      return { ...input, createdAt: now };
    });
  }

  async remove(token: string, actor: StaffMember): Promise<void> {
    const now = this.clock.now();
    await this.repos.transaction(async (tx) => {
      if (!(await tx.referrals.remove(token))) throw new ServiceError('not_found', 'no such token');
      await tx.audit.append({ at: now, staffId: actor.id, action: 'referral.remove', targetType: 'referral', targetId: token });
    });
  }
}
