// Short steps that many socket tests share: a visitor starting, a counsellor accepting.
import { connected, request, type StaffSocket, type TestServer, type VisitorSocket } from './testServer.js';
import type { Ack } from '../../protocol/ack.js';
import type { VisitorChatSnapshot } from '../../protocol/visitorProtocol.js';
import type { StaffChatSnapshot } from '../../protocol/staffProtocol.js';
import type { WireMessage } from '../../protocol/common.js';

export function unwrap<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

export async function startVisitorChat(server: TestServer, nickname = 'Roos') {
  const visitor = server.visitor();
  await connected(visitor);
  const started = unwrap(
    await request<Ack<VisitorChatSnapshot & { token: string }>>(visitor, 'chat:start', { nickname, language: 'nl' }),
  );
  return { visitor, token: started.token, conversationId: started.conversation.id };
}

export async function signedInCounsellor(server: TestServer, options: { maxChats?: number; displayName?: string } = {}) {
  const account = await server.createStaff('counsellor', options);
  const { cookie, csrfToken } = await server.login(account.username, account.password);
  const socket = server.staff(cookie);
  await connected(socket);
  // Opening the console puts her on duty; the server does that just after the connection.
  for (let i = 0; i < 100; i++) {
    const presence = await server.app.ctx.repos.presence.find(account.id);
    if (presence && presence.status !== 'offline') break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { account, cookie, csrfToken, socket };
}

export async function acceptedChat(server: TestServer) {
  const chat = await startVisitorChat(server);
  const counsellor = await signedInCounsellor(server);
  unwrap(await request<Ack<StaffChatSnapshot>>(counsellor.socket, 'conversation:accept', { conversationId: chat.conversationId }));
  return { ...chat, counsellor };
}

export async function sendAs(socket: VisitorSocket | StaffSocket, payload: Record<string, unknown>) {
  return request<Ack<{ message: WireMessage }>>(socket, 'message:send', payload);
}
