// Serves the built browser code: the small visitor page at /, the console at /console, the
// bundled tab icons at /icons/<name>.svg, and the partner widget script at /embed.js (only when
// partner sites are configured). Scripts, styles and icons go out as the brotli or gzip copy the
// build made (scripts/compressAssets.mjs), whichever the browser accepts; never cached (no-store).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import { disguiseIconPath, disguiseIcons, type DisguiseIcon } from '../../../protocol/disguiseIcons.js';
import { isVisitorPageDisguised, type ServiceSettings } from '../../../protocol/serviceSettings.js';
import type { AppContext } from '../../appContext.js';
import { sendError } from '../errors.js';
import { readPrecompressed, sendPrecompressed, type PrecompressedFile } from './contentEncoding.js';

const iconParams = z.object({ name: z.enum(disguiseIcons.map((icon) => `${icon}.svg`) as [string, ...string[]]) });

export function webRoutes(ctx: AppContext) {
  return async (app: FastifyInstance) => {
    const root = path.resolve(ctx.config.webDir);
    const page = (name: string) => {
      const file = path.join(root, name, 'index.html');
      return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : missingBuild(name);
    };
    const visitorHtml = page('visitor');
    const consoleHtml = page('console');
    // Only the known icons, read once: a name from the request never becomes a file path.
    const icons = new Map<string, PrecompressedFile>();
    for (const icon of disguiseIcons) {
      const file = readPrecompressed(path.join(root, 'icons', `${icon}.svg`));
      if (file) icons.set(`${icon}.svg`, file);
    }
    // The built assets are public. fastify-static registers its own routes, so its scope marks
    // them: only the routes of this one nested plugin, not a default for anything else.
    // preCompressed: file.js.br or file.js.gz by Accept-Encoding, with Content-Encoding and Vary.
    await app.register(async (assets) => {
      assets.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      await assets.register(fastifyStatic, { root: path.join(root, 'assets'), prefix: '/assets/', index: false, cacheControl: false, preCompressed: true });
    });
    // The disguise is in the page as it arrives, so the tab never shows "Baken" while the app loads.
    const sendVisitor = async (_req: unknown, reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').send(disguised(visitorHtml, await ctx.repos.settings.get()));
    // Partner sites may frame these (the widget); the console and the API never.
    const partnerFrameable = { config: { access: 'public' as const, partnerFrameable: true } };
    app.get('/', partnerFrameable, sendVisitor);
    app.get('/privacy', partnerFrameable, sendVisitor);
    if (ctx.config.partnerOrigins.length > 0) {
      // Without partners the widget could only show a refused frame, so there is no script.
      const embedScript = readPrecompressed(path.join(root, 'embed.js')) ?? { plain: Buffer.from(missingEmbedBuild), encoded: {} };
      app.get('/embed.js', { config: { access: 'public' } }, async (request, reply) => sendPrecompressed(request, reply, embedScript, 'text/javascript; charset=utf-8'));
    }
    const sendConsole = async (_req: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(consoleHtml);
    app.get('/console', { config: { access: 'public' } }, sendConsole);
    app.get('/console/*', { config: { access: 'public' } }, sendConsole);
    const sendIcon = (request: FastifyRequest, reply: FastifyReply, name: string) => {
      const svg = icons.get(name);
      return svg ? sendPrecompressed(request, reply, svg, 'image/svg+xml') : sendError(reply, 404, 'not_found', 'no such icon');
    };
    app.get('/icons/:name', { config: { access: 'public' } }, async (request, reply) => {
      const parsed = iconParams.safeParse(request.params);
      return parsed.success ? sendIcon(request, reply, parsed.data.name) : sendError(reply, 404, 'not_found', 'no such icon');
    });
    // Browsers that ask for /favicon.ico anyway get the visitor page's current icon, never a tell-tale one.
    app.get('/favicon.ico', { config: { access: 'public' } }, async (request, reply) => sendIcon(request, reply, `${(await ctx.repos.settings.get()).disguiseIcon}.svg`));
  };
}

/** The visitor page with the administrator's neutral title and icon written in, or else the service's own name. */
function disguised(html: string, settings: ServiceSettings): string {
  let out = html;
  const title = settings.disguiseTitle?.trim();
  if (title) out = out.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
  else if (settings.serviceName && !isVisitorPageDisguised(settings)) out = out.replace(/<title>Baken\b/, `<title>${escapeHtml(settings.serviceName)}`);
  const icon: DisguiseIcon = settings.disguiseIcon;
  if (icon !== 'baken') out = out.replace(`href="${disguiseIconPath('baken')}"`, `href="${disguiseIconPath(icon)}"`);
  return out;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const missingEmbedBuild = "console.warn('Baken: embed.js has not been built. Run npm run build.');\n";

function missingBuild(name: string): string {
  return `<!doctype html><html lang="en"><title>Baken</title><p>The ${name} page has not been built. Run <code>npm run build</code>.</p></html>`;
}
