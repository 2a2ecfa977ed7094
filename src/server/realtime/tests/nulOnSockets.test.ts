// A NUL character cannot be stored in PostgreSQL text (over HTTP it is refused, nulCharacters.ts);
// a message body is stored sealed, so on the socket a NUL goes through intact on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { acceptedChat, sendAs } from '../../testing/chatScenario.js';

describe.each(['sqlite', 'postgres'] as const)('NUL characters on the sockets (%s)', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ dialect: database });
  });
  afterAll(async () => {
    await server.close();
  });

  it('stores a message holding NUL as she wrote it, and the chat goes on', async () => {
    const { visitor } = await acceptedChat(server);
    const ack = await sendAs(visitor, { clientId: 'nul-message-1', body: 'hallo\u0000daar' });
    expect(ack.ok && ack.data.message.body).toBe('hallo\u0000daar');
    const after = await sendAs(visitor, { clientId: 'nul-message-2', body: 'gewoon' });
    expect(after.ok && after.data.message.seq).toBe(2);
  });
});
