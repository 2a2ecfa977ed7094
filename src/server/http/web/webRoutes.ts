// Serves the built browser code: the small visitor page at /, the console at /console.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { AppContext } from '../../appContext.js';

export function webRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const root = path.resolve(ctx.config.webDir);
    const page = (name: string) => {
      const file = path.join(root, name, 'index.html');
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : missingBuild(name);
    };
    const visitorHtml = page('visitor');
    const consoleHtml = page('console');
    await app.register(fastifyStatic, { root: path.join(root, 'assets'), prefix: '/assets/', index: false, cacheControl: false });
    const sendVisitor = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').send(visitorHtml);
    app.get('/', sendVisitor);
    app.get('/privacy', sendVisitor);
    const sendConsole = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').send(consoleHtml);
    app.get('/console', sendConsole);
    app.get('/console/*', sendConsole);
  };
}

function missingBuild(name: string): string {
  return `<!doctype html><html lang="en"><title>Baken</title><p>The ${name} page has not been built. Run <code>npm run build</code>.</p></html>`;
}
