// `npm run demo`: an installation with staff accounts and some finished chats, so a newcomer can
// try every screen within a minute. By default it is thrown away: a temporary folder, deleted
// when the demo stops (nothing touches ./data). With DATA_DIR set, the demo lives there and is
// kept; starting it again there gives the demo accounts fresh passwords and adds no more chats.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { hashPassword } from '../server/auth/passwords.js';
import type { StaffRole } from '../store/staffRepository.js';
import { seedDemoCodings, seedDemoConversations } from './demoConversations.js';

const chosenDir = process.env.DATA_DIR?.trim() || undefined;
const dataDir = chosenDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'baken-demo-'));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, COOKIE_SECURE: process.env.COOKIE_SECURE ?? 'false' });
const app = await buildApp(config);
const { repos, clock } = app.ctx;
const firstRun = (await repos.staff.count()) === 0;

const people: { username: string; displayName: string; role: StaffRole }[] = [
  { username: 'beheer', displayName: 'Beheer', role: 'admin' },
  { username: 'sanne', displayName: 'Sanne', role: 'counsellor' },
  { username: 'youssef', displayName: 'Youssef', role: 'counsellor' },
  { username: 'marieke', displayName: 'Marieke', role: 'supervisor' },
  { username: 'onderzoek', displayName: 'Onderzoek', role: 'researcher' },
];
const logins: string[] = [];
const ids: Record<string, string> = {};
for (const person of people) {
  // Fresh random passwords each run: even a demo has no default password.
  const password = `demo-${crypto.randomBytes(6).toString('base64url')}`;
  const existing = await repos.staff.findByUsername(person.username);
  const created = existing
    ? await repos.staff.update(existing.id, { passwordHash: await hashPassword(password), disabled: false }, clock.now())
    : await repos.staff.create({ id: crypto.randomUUID(), ...person, passwordHash: await hashPassword(password), maxChats: 3, now: clock.now() });
  ids[person.username] = created!.id;
  logins.push(`  ${person.role.padEnd(11)} ${person.username.padEnd(10)} ${password}`);
}
app.ctx.setup.token = undefined;
const codedHistory = firstRun ? (await seedDemoConversations(app.ctx, ids['sanne']!), await seedDemoCodings(app.ctx)) : null;

const url = await app.listen();
process.stdout.write(
  [
    '',
    chosenDir ? `Baken demo is running (data in ${dataDir}, kept when you stop it).` : `Baken demo is running (data in ${dataDir}, deleted when you stop it).`,
    `  Visitor chat: ${url}/`,
    `  Console:      ${url}/console`,
    `  Reports:      sign in as "onderzoek"${codedHistory === null ? '' : ` (${codedHistory} synthetic coded conversations 2019–2022)`}`,
    '',
    '  role        username   password',
    ...logins,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n'),
);

async function stop() {
  await app.close();
  if (!chosenDir) fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
