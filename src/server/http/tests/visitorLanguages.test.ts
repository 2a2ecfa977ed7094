// The visitor's language: stored on her chat and shown to staff, the administrator's switch per
// language (validated, audited; a language switched off is not offered and her chat is Dutch),
// the languages each counsellor chats in, and routing that offers a chat to those who speak its
// language first, then after a minute to anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, request, startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi, type StaffCredentials } from '../../testing/httpCalls.js';
import { signedInCounsellor, unwrap } from '../../testing/chatScenario.js';
import type { Ack } from '../../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../../protocol/visitorProtocol.js';
import type { QueueItem } from '../../../protocol/staffProtocol.js';
import { languageMatchWindowMs } from '../../../domain/queue/languageMatch.js';

describe.each(['sqlite', 'postgres'] as const)('visitor languages on %s', (dialect) => {
  let server: TestServer;
  let admin: StaffCredentials;
  let now = Date.UTC(2026, 11, 3, 14);
  const clock = { now: () => now };
  beforeAll(async () => {
    server = await startTestServer({ dialect, clock, routingMode: 'manual' });
    const account = await server.createStaff('admin');
    admin = await server.login(account.username, account.password);
  });
  afterAll(() => server.close());

  async function startChat(language: string) {
    const socket = server.visitor();
    await connected(socket);
    const ack = await request<Ack<VisitorChatSnapshot & { token: string }>>(socket, 'chat:start', { language });
    return { socket, ack };
  }
  const stored = async (id: string) => (await server.app.ctx.repos.conversations.findById(id))!;
  const settings = (body: unknown) => callApi(server, admin, 'PUT', '/api/settings', body);

  it('stores her language on the chat and shows it on the queue item', async () => {
    const counsellor = await signedInCounsellor(server);
    const { socket, ack } = await startChat('pl');
    const id = unwrap(ack).conversation.id;
    expect((await stored(id)).language).toBe('pl');
    const queue = unwrap(await request<Ack<{ waiting: QueueItem[] }>>(counsellor.socket, 'queue:list'));
    expect(queue.waiting.find((w) => w.conversationId === id)?.language).toBe('pl');
    socket.disconnect();
    counsellor.socket.disconnect();
  });

  it('refuses a language it does not speak, on the socket and on /api/service', async () => {
    const { ack } = await startChat('de');
    expect(!ack.ok && ack.error.code).toBe('invalid_request');
    expect((await callApi(server, null, 'GET', '/api/service?lang=de')).status).toBe(400);
    // A visitor reading Arabic gets the helplines' English descriptions rather than Dutch ones.
    const service = await callApi(server, null, 'GET', '/api/service?lang=ar');
    expect(service.status).toBe(200);
    expect(service.body.alternatives[0].description).toBe('In immediate danger: call 112.');
  });

  it('offers every language until the administrator switches one off, and records who did', async () => {
    expect((await callApi(server, null, 'GET', '/api/config')).body.languages).toEqual(['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'ar']);
    const saved = await settings({ disabledLanguages: ['pl', 'ar'] });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.disabledLanguages).toEqual(['pl', 'ar']);
    expect((await callApi(server, null, 'GET', '/api/config')).body.languages).toEqual(['nl', 'en', 'ro', 'bg', 'uk']);
    const [entry] = await server.app.ctx.repos.audit.list({ action: 'settings.update' });
    expect(JSON.parse(entry!.detail!)).toEqual({ fields: ['disabledLanguages'] });
    // A page that still offers Polish (open before the switch): her chat is in Dutch.
    const { socket, ack } = await startChat('pl');
    expect((await stored(unwrap(ack).conversation.id)).language).toBe('nl');
    socket.disconnect();
    // Other settings saved later leave the switch as it is.
    expect((await settings({ busy: false })).body.settings.disabledLanguages).toEqual(['pl', 'ar']);
    expect((await settings({ disabledLanguages: [] })).body.settings.disabledLanguages).toEqual([]);
    expect((await callApi(server, null, 'GET', '/api/config')).body.languages).toHaveLength(7);
  });

  it('validates the switch: Dutch stays on, only languages it knows, each once; staff may not change it', async () => {
    for (const bad of [['nl'], ['de'], ['pl', 'pl'], 'pl', [1]]) {
      const res = await settings({ disabledLanguages: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.issues[0].path).toMatch(/^disabledLanguages/);
    }
    const counsellor = await server.createStaff('counsellor');
    const asCounsellor = await server.login(counsellor.username, counsellor.password);
    expect((await callApi(server, asCounsellor, 'PUT', '/api/settings', { disabledLanguages: ['pl'] })).status).toBe(403);
    expect((await callApi(server, admin, 'GET', '/api/settings')).body.settings.disabledLanguages).toEqual([]);
  });

  it('keeps the languages each counsellor chats in, validated and audited', async () => {
    const created = await callApi(server, admin, 'POST', '/api/staff', { username: 'olena', displayName: 'Olena', password: 'a long enough password 42', role: 'counsellor', languages: ['nl', 'uk'] });
    expect(created.status).toBe(201);
    expect(created.body.staff.languages).toEqual(['nl', 'uk']);
    const id = created.body.staff.id as string;
    const defaulted = await callApi(server, admin, 'POST', '/api/staff', { username: 'piet', displayName: 'Piet', password: 'a long enough password 42', role: 'counsellor' });
    expect(defaulted.body.staff.languages).toEqual(['nl']);
    const changed = await callApi(server, admin, 'PATCH', `/api/staff/${id}`, { languages: ['uk', 'pl'] });
    expect(changed.status).toBe(200);
    expect((await callApi(server, admin, 'GET', '/api/staff')).body.staff.find((s: { id: string }) => s.id === id).languages).toEqual(['uk', 'pl']);
    const [entry] = await server.app.ctx.repos.audit.list({ action: 'staff.update' });
    expect(JSON.parse(entry!.detail!)).toEqual({ fields: ['languages'], languages: ['uk', 'pl'] });
    for (const bad of [[], ['xx'], ['nl', 'nl']]) expect((await callApi(server, admin, 'PATCH', `/api/staff/${id}`, { languages: bad })).status, JSON.stringify(bad)).toBe(400);
    expect((await server.app.ctx.repos.staff.findById(id))!.languages).toEqual(['uk', 'pl']);
  });

  it('offers a chat first to a counsellor who speaks its language, and to anyone after a minute', async () => {
    expect((await settings({ routingMode: 'automatic' })).status).toBe(200);
    // Anna (Dutch only) came on duty first: she is the longest idle, and would win any other chat.
    const anna = await signedInCounsellor(server, { displayName: 'Anna', maxChats: 1 });
    now += 1000;
    const ola = await signedInCounsellor(server, { displayName: 'Ola', maxChats: 1 });
    await server.app.ctx.repos.staff.update(ola.account.id, { languages: ['nl', 'pl'] }, now);
    const polish = unwrap((await startChat('pl')).ack).conversation.id;
    expect(await stored(polish)).toMatchObject({ status: 'offered', counsellorId: ola.account.id });
    unwrap(await request(ola.socket, 'conversation:accept', { conversationId: polish }));
    // Ola is full now: the next Polish chat waits for her, though Anna is free ...
    const second = unwrap((await startChat('pl')).ack).conversation.id;
    expect((await stored(second)).status).toBe('waiting');
    now += languageMatchWindowMs - 1000;
    await server.app.ctx.app.queue.tick();
    expect((await stored(second)).status).toBe('waiting');
    // ... for one minute at most; then Anna is offered it.
    now += 1000;
    await server.app.ctx.app.queue.tick();
    expect(await stored(second)).toMatchObject({ status: 'offered', counsellorId: anna.account.id });
    anna.socket.disconnect();
    ola.socket.disconnect();
    expect((await settings({ routingMode: 'manual' })).status).toBe(200);
  });
});
