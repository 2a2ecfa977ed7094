// Headers on every response. The visitor may be on a watched phone: nothing is cached,
// nothing is referred, nothing third-party is loaded, and no page can frame us, except that
// configured partner sites may frame the visitor pages (the embeddable widget, /embed.js).
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A visitor page that the configured partner sites may show in a frame. */
    partnerFrameable?: boolean;
    /**
     * A public answer about the service (never about a visitor) that browsers and caches may keep
     * this many seconds: the partners' status. Everything else is no-store.
     */
    publicCacheSeconds?: number;
  }
}

const basePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'", // icons are same-origin files; no data: URLs needed
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** The policy with the given frame ancestors; none at all when the list is empty. */
export function contentSecurityPolicy(frameAncestors: readonly string[] = []): string {
  const ancestors = frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'";
  return [...basePolicy, `frame-ancestors ${ancestors}`].join('; ');
}

export function registerSecurityHeaders(app: FastifyInstance, partnerOrigins: readonly string[]): void {
  const closedPolicy = contentSecurityPolicy();
  const partnerPolicy = contentSecurityPolicy(partnerOrigins);
  app.addHook('onSend', async (request, reply, payload) => {
    const frameable = partnerOrigins.length > 0 && request.routeOptions.config?.partnerFrameable === true;
    reply.header('Content-Security-Policy', frameable ? partnerPolicy : closedPolicy);
    // X-Frame-Options cannot name several sites, so the partner-frameable pages rely on
    // frame-ancestors alone (every current browser enforces it and then ignores XFO).
    if (!frameable) reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    const cacheSeconds = request.routeOptions.config?.publicCacheSeconds;
    reply.header('Cache-Control', cacheSeconds ? `public, max-age=${cacheSeconds}` : 'no-store');
    return payload;
  });
}
