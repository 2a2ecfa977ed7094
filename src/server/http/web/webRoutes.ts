// Serves the built browser code: the small visitor page at /, the console at /console, and
// the partner widget script at /embed.js (only when partner sites are configured).
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
    // Partner sites may frame these (the widget); the console and the API never.
    const partnerFrameable = { config: { partnerFrameable: true } };
    app.get('/', partnerFrameable, sendVisitor);
    app.get('/privacy', partnerFrameable, sendVisitor);
    if (ctx.config.partnerOrigins.length > 0) {
      // Without partners the widget could only show a refused frame, so there is no script.
      const embedFile = path.join(root, 'embed.js');
      const embedScript = fs.existsSync(embedFile) ? fs.readFileSync(embedFile, 'utf8') : missingEmbedBuild;
      app.get('/embed.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(embedScript));
    }
    const sendConsole = async (_req: unknown, reply: import('fastify').FastifyReply) => reply.type('text/html; charset=utf-8').send(consoleHtml);
    app.get('/console', sendConsole);
    app.get('/console/*', sendConsole);
  };
}

const missingEmbedBuild = "console.warn('Baken: embed.js has not been built. Run npm run build.');\n";

function missingBuild(name: string): string {
  return `<!doctype html><html lang="en"><title>Baken</title><p>The ${name} page has not been built. Run <code>npm run build</code>.</p></html>`;
}
