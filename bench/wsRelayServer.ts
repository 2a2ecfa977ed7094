// The baseline: a bare `ws` relay that forwards each frame to the other side of its pair.
// No validation, no storage: the transport's limit on this machine.
import { WebSocketServer, type WebSocket } from 'ws';

const pairs = new Map<string, { a?: WebSocket; b?: WebSocket }>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
server.on('connection', (socket, request) => {
  const url = new URL(request.url ?? '/', 'http://x');
  const pair = url.searchParams.get('pair') ?? '';
  const side = url.searchParams.get('side') === 'a' ? 'a' : 'b';
  const entry = pairs.get(pair) ?? {};
  entry[side] = socket;
  pairs.set(pair, entry);
  socket.on('message', (data) => {
    const other = side === 'a' ? entry.b : entry.a;
    other?.send(data);
  });
});
server.on('listening', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
process.on('SIGTERM', () => process.exit(0));
