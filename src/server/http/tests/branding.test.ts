// Branding over HTTP: an administrator sets the service's name and uploads a logo (PNG, JPEG or
// WebP, checked by its bytes, at most 100 kB), both audited; the logo is served from our own
// origin with its checked type; the visitor page shows them only when it is not disguised.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi, staffHeaders } from '../../testing/httpCalls.js';
import { tinyPng } from '../../testing/tinyPng.js';

describe.each(['sqlite', 'postgres'] as const)('branding on %s', (dialect) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ dialect });
  });
  afterEach(async () => {
    await server.close();
  });

  const upload = (who: { cookie: string; csrfToken: string }, bytes: Buffer) => callApi(server, who, 'PUT', '/api/settings/logo', { image: bytes.toString('base64') });

  it('lets an administrator upload a logo and set a name; the logo comes from our own origin with its real type', async () => {
    const admin = await server.createStaff('admin');
    const boss = await server.login(admin.username, admin.password);
    expect((await callApi(server, null, 'GET', '/api/branding')).body).toEqual({ serviceName: null, logoUrl: null });

    const png = tinyPng();
    const uploaded = await upload(boss, png);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.logoUrl).toMatch(/^\/api\/branding\/logo\?v=\d+$/);
    expect((await callApi(server, boss, 'PUT', '/api/settings', { serviceName: 'Fier Chat' })).status).toBe(200);
    const branding = await callApi(server, null, 'GET', '/api/branding');
    expect(branding.body).toEqual({ serviceName: 'Fier Chat', logoUrl: uploaded.body.logoUrl });

    const logo = await callApi(server, null, 'GET', branding.body.logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(logo.headers.get('content-disposition')).toBe('inline; filename="logo.png"');
    expect(logo.raw.equals(png)).toBe(true);

    const log = await server.app.ctx.repos.audit.list({ staffId: admin.id });
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['settings.logo_update', 'settings.update']));
    expect(JSON.parse(log.find((e) => e.action === 'settings.logo_update')!.detail!)).toEqual({ contentType: 'image/png', bytes: png.length });

    expect((await callApi(server, boss, 'DELETE', '/api/settings/logo')).body).toEqual({ serviceName: 'Fier Chat', logoUrl: null });
    expect((await callApi(server, null, 'GET', '/api/branding/logo')).status).toBe(404);
    expect((await server.app.ctx.repos.audit.list({ action: 'settings.logo_remove' })).length).toBe(1);
    expect(await server.app.ctx.repos.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('refuses SVG and other files whatever they claim to be, files over 100 kB, and anyone but an administrator', async () => {
    const admin = await server.createStaff('admin');
    const boss = await server.login(admin.username, admin.password);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>');
    const refused = await upload(boss, svg);
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('unsupported_image');
    expect((await upload(boss, Buffer.from('GIF89a\u0001\u0000\u0001\u0000'))).status).toBe(415);
    const big = Buffer.concat([tinyPng(), Buffer.alloc(100 * 1024)]);
    expect((await upload(boss, big)).status).toBe(413);
    expect((await callApi(server, boss, 'PUT', '/api/settings/logo', { image: 'not base64!' })).status).toBe(400);
    expect((await callApi(server, boss, 'PUT', '/api/settings', { serviceName: 'x'.repeat(61) })).status).toBe(400);

    const counsellor = await server.createStaff('counsellor');
    const c = await server.login(counsellor.username, counsellor.password);
    expect((await upload(c, tinyPng())).status).toBe(403);
    expect((await callApi(server, c, 'DELETE', '/api/settings/logo')).status).toBe(403);
    expect((await callApi(server, { cookie: boss.cookie, csrfToken: 'wrong' }, 'PUT', '/api/settings/logo', { image: tinyPng().toString('base64') })).status).toBe(403);
    expect((await callApi(server, null, 'GET', '/api/branding')).body.logoUrl).toBeNull();
  });

  it('shows the name and logo to visitors only when their page is not disguised', async () => {
    const admin = await server.createStaff('admin');
    const boss = await server.login(admin.username, admin.password);
    await upload(boss, tinyPng());
    await callApi(server, boss, 'PUT', '/api/settings', { serviceName: 'Fier <Chat>' });
    const config = async () => (await callApi(server, null, 'GET', '/api/config')).body;
    const title = async () => /<title>([^<]*)<\/title>/.exec((await callApi(server, null, 'GET', '/')).body)?.[1];
    expect((await config()).branding).toEqual({ serviceName: 'Fier <Chat>', logoUrl: expect.stringMatching(/^\/api\/branding\/logo/) });
    expect(await title()).toMatch(/^Fier &#60;Chat&#62;/);

    await callApi(server, boss, 'PUT', '/api/settings', { disguiseIcon: 'weather' });
    expect((await config()).branding).toBeUndefined();
    expect(await title()).not.toContain('Fier');
    await callApi(server, boss, 'PUT', '/api/settings', { disguiseIcon: 'baken', disguiseTitle: 'Recepten' });
    expect((await config()).branding).toBeUndefined();
    expect(await title()).toBe('Recepten');
  });
});
