// The access rule lives on the route: a route without one stops the server from starting, and a
// request is judged by the route it matched.
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { registerAccessControl } from './access.js';
import type { StaffSessions } from '../auth/staffSessions.js';

const noSessions = { authenticate: async () => undefined } as unknown as StaffSessions;

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  await app.register(fastifyCookie);
  const routes = registerAccessControl(app, noSessions);
  register(app);
  return { app, routes };
}

describe('access rules on routes', () => {
  it('refuses to start when a route declares no access rule, naming it', async () => {
    const { app } = await appWith((a) => {
      a.get('/api/open', { config: { access: 'public' } }, async () => 'ok');
      a.get('/api/forgotten', async () => 'secret');
    });
    await expect(app.ready()).rejects.toThrow(/GET \/api\/forgotten/);
  });

  it('refuses to start for a route without a rule in a nested plugin, outside /api too', async () => {
    const { app } = await appWith((a) => {
      void a.register(async (child: ReturnType<typeof Fastify>) => {
        child.post('/admin/do-it', async () => 'done');
      });
    });
    await expect(app.ready()).rejects.toThrow(/POST \/admin\/do-it/);
  });

  it('judges a percent-encoded path by the route it matched', async () => {
    const { app } = await appWith((a) => {
      a.get('/api/settings', { config: { access: 'staff:manage' } }, async () => ({ secret: true }));
    });
    await app.ready();
    for (const url of ['/api/settings', '/%61pi/settings', '/api/%73ettings']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
  });
});
