// Snippets: everyone who chats reads them and counts a use; supervisors (and administrators)
// keep them. Every change commits with its audit entry (which names the snippet, never its text).
import type { Repositories } from '../../store/repositories.js';
import type { StaffMember } from '../../store/staffRepository.js';
import type { Snippet, SnippetContent } from '../../domain/toolkit/snippet.js';
import type { Clock } from '../clock.js';
import { ServiceError } from '../serviceError.js';

export class SnippetUseCases {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Snippet[]> {
    return this.repos.snippets.list();
  }

  create(content: SnippetContent, actor: StaffMember): Promise<Snippet> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const snippet = await tx.snippets.create(content, actor.id, now);
      await tx.audit.append({ at: now, staffId: actor.id, action: 'snippet.create', targetType: 'snippet', targetId: snippet.id, detail: { language: content.language } });
      return snippet;
    });
  }

  update(id: string, content: SnippetContent, actor: StaffMember): Promise<Snippet> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      const snippet = await tx.snippets.update(id, content, actor.id, now);
      if (!snippet) throw new ServiceError('not_found', 'no such snippet');
      await tx.audit.append({ at: now, staffId: actor.id, action: 'snippet.update', targetType: 'snippet', targetId: id, detail: { language: content.language } });
      return snippet;
    });
  }

  remove(id: string, actor: StaffMember): Promise<void> {
    const now = this.clock.now();
    return this.repos.transaction(async (tx) => {
      if (!(await tx.snippets.remove(id))) throw new ServiceError('not_found', 'no such snippet');
      await tx.audit.append({ at: now, staffId: actor.id, action: 'snippet.delete', targetType: 'snippet', targetId: id });
    });
  }

  /** She put it into her message box: one more on its counter (nothing about the chat is kept). */
  async countUse(id: string): Promise<void> {
    if (!(await this.repos.snippets.countUse(id))) throw new ServiceError('not_found', 'no such snippet');
  }
}
