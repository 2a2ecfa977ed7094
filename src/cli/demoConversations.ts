// A few finished conversations for the demo, written through the same service the
// sockets use, so they look exactly like real ones.
import type { AppContext } from '../server/appContext.js';
import { synthesizeYears } from '../domain/monitor/synth.js';

const scripts: { nickname: string; language: 'nl' | 'en'; lines: ['v' | 'c', string][] }[] = [
  {
    nickname: 'Roos',
    language: 'nl',
    lines: [
      ['v', 'hoi, ik weet niet of ik hier goed ben'],
      ['c', 'Hoi Roos, fijn dat je er bent. Je bent hier goed. Waar wil je over praten?'],
      ['v', 'mijn vriend zegt dat ik geld moet verdienen voor hem'],
      ['c', 'Dat klinkt heel zwaar. Je hoeft niets te doen wat je niet wilt. Ben je nu veilig?'],
      ['v', 'ja nu wel'],
    ],
  },
  {
    nickname: 'Kim',
    language: 'en',
    lines: [
      ['v', 'hi, my friend has to work for some guys and she is 15'],
      ['c', 'Thank you for reaching out about your friend. Can you tell me a bit more?'],
    ],
  },
  { nickname: '', language: 'nl', lines: [['v', 'test']] },
];

export async function seedDemoConversations(ctx: AppContext, counsellorId: string): Promise<void> {
  const counsellor = await ctx.repos.staff.findById(counsellorId);
  if (!counsellor) throw new Error('demo counsellor missing');
  for (const [i, script] of scripts.entries()) {
    const started = await ctx.app.visitorChats.start({
      nickname: script.nickname || undefined,
      language: script.language,
      preChat: undefined,
      returnCode: undefined,
      tabToken: undefined,
      source: undefined,
      addressBlocked: false,
    });
    const conversation = started.value.chat.conversation;
    await ctx.app.counsellorChats.accept(counsellor, conversation.id);
    for (const [j, [who, body]] of script.lines.entries()) {
      await ctx.app.messages.send({
        conversationId: conversation.id,
        sender: who === 'v' ? { kind: 'visitor' } : { kind: 'staff', staff: counsellor },
        clientId: `demo-${i}-${j}-message`,
        body,
      });
    }
    await ctx.app.visitorChats.end(conversation.id, 'visitor');
  }
}

/**
 * Coded history for the reports page: synthetic 2019–2022 data with the default parameters, which
 * reproduce the published 2022 figures (229 visitors with a trafficking question, 199 victims, …).
 * The demo's own chats above stay "to code" so the coding form can be tried.
 */
export async function seedDemoCodings(ctx: AppContext): Promise<number> {
  if ((await ctx.repos.codings.count()) > 0) return 0;
  const codings = synthesizeYears([2019, 2020, 2021, 2022], { codebook: ctx.repos.codings.codebook, seed: 2022 });
  const { inserted } = await ctx.repos.codings.importMany(codings, null, ctx.clock.now());
  return inserted;
}
