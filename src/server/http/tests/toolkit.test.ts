// Snippets and the referral directory over HTTP, on both databases: a new installation has the
// starter sets; supervisors (and administrators) keep them, every change audited in the same
// transaction; counsellors read them and count snippet uses but cannot change anything; a
// directory import is checked whole and stores all entries or none.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { callApi, type StaffCredentials } from '../../testing/httpCalls.js';
import { starterSnippets } from '../../../domain/toolkit/starterSnippets.js';
import { starterDirectory } from '../../../domain/toolkit/starterDirectory.js';
import { DIRECTORY_FORMAT, DIRECTORY_FORMAT_VERSION } from '../../../domain/toolkit/directoryFile.js';

const newSnippet = { language: 'nl', topic: 'Veiligheid', title: 'Veilige plek', body: 'Is er een plek waar je veilig kunt slapen vannacht?' };
const newEntry = {
  name: 'Jongerenloket Zwolle',
  what: { nl: 'Hulp bij wonen en geld voor jongeren.', en: '' },
  forWhom: { ageMin: 16, ageMax: 23, region: 'Zwolle', languages: ['nl'] },
  contact: { phone: '038-123 45 67', website: 'https://jongerenloket.example.nl', chat: null },
  hours: { nl: 'Werkdagen 9–17 uur' },
  referralCodes: ['other_referral'],
};

describe.each(['sqlite', 'postgres'] as const)('snippets and referral directory on %s', (dialect) => {
  let server: TestServer;
  let supervisor: StaffCredentials & { id: string };
  let counsellor: StaffCredentials & { id: string };
  beforeEach(async () => {
    server = await startTestServer({ dialect });
    const s = await server.createStaff('supervisor');
    supervisor = { id: s.id, ...(await server.login(s.username, s.password)) };
    const c = await server.createStaff('counsellor');
    counsellor = { id: c.id, ...(await server.login(c.username, c.password)) };
  });
  afterEach(async () => {
    await server.close();
  });
  const audit = (action: string) => server.app.ctx.repos.audit.list({ action });

  it('starts with the Dutch and English starter snippets and the standard directory, every entry marked check before use', async () => {
    const snippets = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets;
    expect(snippets).toHaveLength(starterSnippets.length);
    expect(new Set(snippets.map((s: { language: string }) => s.language))).toEqual(new Set(['nl', 'en']));
    expect(snippets.find((s: { title: string }) => s.title === 'Ben je nu veilig?').body).toContain('112');

    const entries = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries;
    expect(entries).toHaveLength(starterDirectory.length);
    const phones = Object.fromEntries(entries.map((e: { name: string; contact: { phone: string | null } }) => [e.name, e.contact.phone]));
    expect(phones).toMatchObject({ 'Veilig Thuis': '0800-2000', 'De Kindertelefoon': '0800-0432', 'Slachtofferhulp Nederland': '0900-0101', 'Centrum Seksueel Geweld': '0800-0188', 'Politie (mensenhandel)': '0900-8844' });
    expect(entries.every((e: { checkBeforeUse: boolean }) => e.checkBeforeUse)).toBe(true);
  });

  it('lets a supervisor add, change and remove a snippet, each audited without its text', async () => {
    const created = await callApi(server, supervisor, 'POST', '/api/snippets', newSnippet);
    expect(created.status).toBe(201);
    const id = created.body.snippet.id;
    expect(created.body.snippet).toMatchObject({ ...newSnippet, useCount: 0 });

    const changed = await callApi(server, supervisor, 'PUT', `/api/snippets/${id}`, { ...newSnippet, body: '  Heb je vannacht een veilige plek?\r\n' });
    expect(changed.body.snippet.body).toBe('Heb je vannacht een veilige plek?');
    const list = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets;
    expect(list.find((s: { id: string }) => s.id === id).body).toBe('Heb je vannacht een veilige plek?');

    expect((await callApi(server, supervisor, 'DELETE', `/api/snippets/${id}`)).status).toBe(204);
    expect((await callApi(server, supervisor, 'DELETE', `/api/snippets/${id}`)).status).toBe(404);
    expect((await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets.some((s: { id: string }) => s.id === id)).toBe(false);

    for (const action of ['snippet.create', 'snippet.update', 'snippet.delete']) {
      const [entry] = await audit(action);
      expect(entry).toMatchObject({ staff_id: supervisor.id, target_type: 'snippet', target_id: id });
      expect(entry!.detail ?? '').not.toContain('veilig');
    }
    expect(await server.app.ctx.repos.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('counts a use per snippet, from any counsellor, and keeps nothing about the chat', async () => {
    const [first] = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets;
    for (let i = 0; i < 3; i++) expect((await callApi(server, counsellor, 'POST', `/api/snippets/${first.id}/used`)).status).toBe(204);
    await callApi(server, supervisor, 'POST', `/api/snippets/${first.id}/used`);
    const after = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets.find((s: { id: string }) => s.id === first.id);
    expect(after.useCount).toBe(4);
    expect((await callApi(server, counsellor, 'POST', '/api/snippets/00000000-0000-4000-8000-000000000000/used')).status).toBe(404);
    expect((await callApi(server, counsellor, 'POST', '/api/snippets/not-an-id/used')).status).toBe(400);
  });

  it('refuses a counsellor every change, and everyone without a session or CSRF token', async () => {
    const [snippet] = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets;
    const [entry] = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries;
    const attempts: [string, string, unknown?][] = [
      ['POST', '/api/snippets', newSnippet],
      ['PUT', `/api/snippets/${snippet.id}`, newSnippet],
      ['DELETE', `/api/snippets/${snippet.id}`],
      ['POST', '/api/directory', newEntry],
      ['PUT', `/api/directory/${entry.id}`, newEntry],
      ['DELETE', `/api/directory/${entry.id}`],
      ['POST', '/api/directory/import', { content: JSON.stringify({ format: DIRECTORY_FORMAT, formatVersion: DIRECTORY_FORMAT_VERSION, entries: [] }) }],
      ['GET', '/api/directory/export'],
    ];
    for (const [method, path, body] of attempts) {
      expect((await callApi(server, counsellor, method, path, body)).status, `${method} ${path}`).toBe(403);
      expect((await callApi(server, null, method, path, body)).status, `${method} ${path}`).toBe(401);
    }
    expect((await callApi(server, { cookie: supervisor.cookie, csrfToken: 'wrong' }, 'POST', '/api/snippets', newSnippet)).status).toBe(403);
    expect((await callApi(server, null, 'GET', '/api/snippets')).status).toBe(401);
    const researcher = await server.createStaff('researcher');
    expect((await callApi(server, await server.login(researcher.username, researcher.password), 'GET', '/api/directory')).status).toBe(403);
    // Nothing changed.
    expect((await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets).toHaveLength(starterSnippets.length);
    expect((await callApi(server, counsellor, 'GET', '/api/directory')).body.entries).toHaveLength(starterDirectory.length);
  });

  it('checks snippets and entries with clear errors', async () => {
    const bad = await callApi(server, supervisor, 'POST', '/api/snippets', { ...newSnippet, language: 'Nederlands', title: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['language', 'title']);
    expect((await callApi(server, supervisor, 'POST', '/api/snippets', { ...newSnippet, body: 'x'.repeat(2001) })).status).toBe(400);
    const script = await callApi(server, supervisor, 'POST', '/api/directory', { ...newEntry, contact: { website: 'javascript:alert(1)' } });
    expect(script.status).toBe(400);
    expect(script.body.error.issues[0].path).toBe('contact.website');
    expect((await callApi(server, supervisor, 'POST', '/api/directory', { ...newEntry, forWhom: { ageMin: 20, ageMax: 12 } })).status).toBe(400);
  });

  it('lets a supervisor add, change and remove a directory entry; clearing the check mark is audited as such', async () => {
    const created = await callApi(server, supervisor, 'POST', '/api/directory', newEntry);
    expect(created.status).toBe(201);
    const id = created.body.entry.id;
    expect(created.body.entry).toMatchObject({ name: 'Jongerenloket Zwolle', hours: { nl: 'Werkdagen 9–17 uur', en: '' }, checkBeforeUse: false });

    const [veiligThuis] = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries.filter((e: { name: string }) => e.name === 'Veilig Thuis');
    const { id: vtId, updatedAt: _u, ...vt } = veiligThuis;
    const checked = await callApi(server, supervisor, 'PUT', `/api/directory/${vtId}`, { ...vt, checkBeforeUse: false });
    expect(checked.body.entry.checkBeforeUse).toBe(false);
    const [update] = await audit('directory.update');
    expect(JSON.parse(update!.detail!)).toEqual({ name: 'Veilig Thuis', checkBeforeUse: false });

    expect((await callApi(server, supervisor, 'DELETE', `/api/directory/${id}`)).status).toBe(204);
    expect((await callApi(server, supervisor, 'PUT', `/api/directory/${id}`, newEntry)).status).toBe(404);
    expect((await audit('directory.create'))[0]).toMatchObject({ target_id: id, staff_id: supervisor.id });
    expect((await audit('directory.delete'))[0]).toMatchObject({ target_id: id });
  });

  it('exports the directory as JSON and imports it back: known ids are replaced, others added, all audited', async () => {
    const exported = await callApi(server, supervisor, 'GET', '/api/directory/export');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const file = exported.body;
    expect(file).toMatchObject({ format: DIRECTORY_FORMAT, formatVersion: DIRECTORY_FORMAT_VERSION });
    file.entries[0].hours.nl = 'Elke dag 8–22 uur';
    file.entries.push(newEntry);
    const imported = await callApi(server, supervisor, 'POST', '/api/directory/import', { content: JSON.stringify(file) });
    expect(imported.body).toEqual({ added: 1, updated: starterDirectory.length });
    const entries = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries;
    expect(entries).toHaveLength(starterDirectory.length + 1);
    expect(entries.find((e: { id: string }) => e.id === file.entries[0].id).hours.nl).toBe('Elke dag 8–22 uur');
    expect(JSON.parse((await audit('directory.import'))[0]!.detail!)).toEqual({ added: 1, updated: starterDirectory.length });
    expect(await audit('directory.export')).toHaveLength(1);
  });

  it('refuses a bad import file with every problem named, and stores nothing of it', async () => {
    const before = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries;
    const entriesBefore = (await server.app.ctx.repos.audit.list()).length;
    const file = { format: DIRECTORY_FORMAT, formatVersion: DIRECTORY_FORMAT_VERSION, entries: [newEntry, { ...newEntry, name: 'Tweede' }, { ...newEntry, contact: { phone: 'bel me' } }] };
    const refused = await callApi(server, supervisor, 'POST', '/api/directory/import', { content: JSON.stringify(file) });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_file');
    expect(refused.body.error.issues).toEqual([{ path: 'entries.2.contact.phone', message: 'digits, spaces, + and - only' }]);

    const notJson = await callApi(server, supervisor, 'POST', '/api/directory/import', { content: '{"format": "baken-directory",' });
    expect(notJson.body.error.issues).toEqual([{ path: '', message: 'the file is not valid JSON' }]);
    const wrongFormat = await callApi(server, supervisor, 'POST', '/api/directory/import', { content: JSON.stringify({ ...file, format: 'something-else' }) });
    expect(wrongFormat.body.error.issues[0]).toMatchObject({ path: 'format' });
    const tooBig = await callApi(server, supervisor, 'POST', '/api/directory/import', { content: ' '.repeat(400_001) });
    expect(tooBig.status).toBe(400);

    expect((await callApi(server, counsellor, 'GET', '/api/directory')).body.entries).toEqual(before);
    expect((await server.app.ctx.repos.audit.list()).length).toBe(entriesBefore);
  });

  it('stores no change when its audit entry cannot be written (same transaction), an import included', async () => {
    const db = server.app.ctx.repos.store.db;
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION audit_down() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit down'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER audit_down BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_down()`.execute(db);
    }
    const snippets = (await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets;
    const entries = (await callApi(server, counsellor, 'GET', '/api/directory')).body.entries;
    expect((await callApi(server, supervisor, 'POST', '/api/snippets', newSnippet)).status).toBe(500);
    expect((await callApi(server, supervisor, 'PUT', `/api/snippets/${snippets[0].id}`, newSnippet)).status).toBe(500);
    expect((await callApi(server, supervisor, 'DELETE', `/api/snippets/${snippets[0].id}`)).status).toBe(500);
    expect((await callApi(server, supervisor, 'POST', '/api/directory', newEntry)).status).toBe(500);
    expect((await callApi(server, supervisor, 'DELETE', `/api/directory/${entries[0].id}`)).status).toBe(500);
    const file = { format: DIRECTORY_FORMAT, formatVersion: DIRECTORY_FORMAT_VERSION, entries: [newEntry, { id: entries[1].id, ...newEntry }] };
    expect((await callApi(server, supervisor, 'POST', '/api/directory/import', { content: JSON.stringify(file) })).status).toBe(500);
    expect((await callApi(server, counsellor, 'GET', '/api/snippets')).body.snippets).toEqual(snippets);
    expect((await callApi(server, counsellor, 'GET', '/api/directory')).body.entries).toEqual(entries);
  });
});
