// Local translation, with a fake engine: her counsellor receives each message of hers with its
// translation (pushed, and again after a reconnect), the visitor only her own words, and triage
// reads the translation too. A chat in the counsellors' language is not translated at all.
import { afterEach, describe, expect, it } from 'vitest';
import { connected, nextEvent, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { sendAs, signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import { FakeTranslator } from '../../../app/translation/fakeTranslator.js';
import { assessMessage, startTriage } from '../../../domain/triage/assessTriage.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { DangerAlert, StaffChatSnapshot } from '../../../protocol/staffProtocol.js';
import type { StaffMessage } from '../../../protocol/translation.js';
import type { WireMessage } from '../../../protocol/common.js';

/** Words the triage rules do not know, and what the fake engine makes of them. */
const unknownToTriage = 'on stoi teraz pod drzwiami i próbuje wejść, bardzo się boję';
const inDutch = 'hij staat nu voor de deur en probeert binnen te komen, ik ben zo bang';

describe.each(['sqlite', 'postgres'] as const)('translation for counsellors (%s)', (dialect) => {
  let server: TestServer;
  let translator: FakeTranslator;
  afterEach(async () => {
    await server?.close();
  });

  async function chatIn(language: 'nl' | 'en') {
    const visitor = server.visitor();
    await connected(visitor);
    const started = unwrap(await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { nickname: 'Lena', language }));
    const counsellor = await signedInCounsellor(server);
    unwrap(await request<Ack<StaffChatSnapshot>>(counsellor.socket, 'conversation:accept', { conversationId: started.conversation.id }));
    return { visitor, conversationId: started.conversation.id, counsellor };
  }

  it('gives her counsellor the original and the translation, and the visitor only her own words', async () => {
    translator = new FakeTranslator({ 'I am scared to go home': 'Ik ben bang om naar huis te gaan' });
    server = await startTestServer({ dialect, translator });
    const chat = await chatIn('en');
    const toStaff = nextEvent<StaffMessage>(chat.counsellor.socket, 'message');
    const toVisitor = nextEvent<WireMessage & { translation?: unknown }>(chat.visitor, 'message');
    unwrap(await sendAs(chat.visitor, { clientId: 'translate-0001', body: 'I am scared to go home' }));
    const staffSees = await toStaff;
    expect(staffSees.body).toBe('I am scared to go home');
    expect(staffSees.translation).toEqual({ body: 'Ik ben bang om naar huis te gaan', from: 'en', to: 'nl' });
    expect((await toVisitor).translation).toBeUndefined();
    expect(translator.calls).toEqual([{ text: 'I am scared to go home', from: 'en', to: 'nl' }]);

    // Her counsellor's own messages are not translated.
    unwrap(await sendAs(chat.counsellor.socket, { conversationId: chat.conversationId, clientId: 'reply-000001', body: 'Ik ben er voor je' }));
    expect(translator.calls).toHaveLength(1);

    // After a reconnect the catch-up carries the translation too, from memory: the engine is not asked again.
    const resumed = unwrap(await request<Ack<StaffChatSnapshot>>(chat.counsellor.socket, 'conversation:resume', { conversationId: chat.conversationId, afterSeq: 0 }));
    const hers = resumed.messages.find((m) => m.sender === 'visitor')!;
    expect(hers.translation?.body).toBe('Ik ben bang om naar huis te gaan');
    expect(resumed.messages.find((m) => m.sender === 'counsellor')?.translation).toBeUndefined();
    expect(translator.calls).toHaveLength(1);
  });

  it('lets triage read the translation: danger in words its rules do not know is still seen', async () => {
    expect(assessMessage(startTriage(), unknownToTriage, 0).reasons).toEqual([]);
    translator = new FakeTranslator({ [unknownToTriage]: inDutch });
    server = await startTestServer({ dialect, translator });
    const chat = await chatIn('en');
    const alert = nextEvent<DangerAlert>(chat.counsellor.socket, 'danger');
    unwrap(await sendAs(chat.visitor, { clientId: 'danger-translated', body: unknownToTriage }));
    expect((await alert).priority).toBe('critical');
    expect((await server.app.ctx.repos.conversations.findById(chat.conversationId))?.priority).toBe('critical');
  });

  it('does not translate a chat in the counsellors’ language, and delivers the original when the engine fails', async () => {
    translator = new FakeTranslator();
    server = await startTestServer({ dialect, translator });
    const dutch = await chatIn('nl');
    const plain = nextEvent<StaffMessage>(dutch.counsellor.socket, 'message');
    unwrap(await sendAs(dutch.visitor, { clientId: 'dutch-000001', body: 'hoi' }));
    expect((await plain).translation).toBeUndefined();
    expect(translator.calls).toEqual([]);

    translator.failing = true;
    const english = await chatIn('en');
    const original = nextEvent<StaffMessage>(english.counsellor.socket, 'message', (m) => m.conversationId === english.conversationId);
    unwrap(await sendAs(english.visitor, { clientId: 'failing-00001', body: 'hello' }));
    const received = await original;
    expect(received.body).toBe('hello');
    expect(received.translation).toBeUndefined();
  });

  it('is off by default: no translation reaches anyone', async () => {
    server = await startTestServer({ dialect });
    expect(server.app.ctx.app.translations.enabled).toBe(false);
    const chat = await chatIn('en');
    const toStaff = nextEvent<StaffMessage>(chat.counsellor.socket, 'message');
    unwrap(await sendAs(chat.visitor, { clientId: 'untranslated1', body: 'hello' }));
    expect((await toStaff).translation).toBeUndefined();
  });
});
