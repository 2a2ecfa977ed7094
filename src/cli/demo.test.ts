// `npm run demo` with DATA_DIR: the demo lives in that folder and is still there after it stops;
// started again there, it signs in with fresh passwords and does not add the chats twice.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** Runs the demo until it says it is running; returns what it printed, then stops it. */
async function runDemo(env: Record<string, string>): Promise<string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['MASTER_KEY', 'MASTER_KEY_FILE', 'DATABASE_URL', 'REDIS_URL'].includes(name)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/demo.ts'], {
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start: ${out}\n${err}`)), 60_000);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`demo exited with ${code}: ${err}`)));
  });
  const url = /Console:\s+(\S+)\/console/.exec(out)![1]!;
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  return out;
}

describe('npm run demo', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-demo-test-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data in DATA_DIR, and a second start there reuses it with fresh passwords', async () => {
    const first = await runDemo({ DATA_DIR: dataDir });
    expect(first).toContain(`data in ${dataDir}, kept when you stop it`);
    expect(first).toMatch(/synthetic coded conversations/);
    expect(fs.existsSync(path.join(dataDir, 'baken.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(true);
    const password = (out: string) => /admin\s+beheer\s+(\S+)/.exec(out)![1];

    const second = await runDemo({ DATA_DIR: dataDir });
    expect(second).toContain(`data in ${dataDir}`);
    expect(second).not.toMatch(/synthetic coded conversations/);
    expect(password(second)).not.toBe(password(first));
  }, 150_000);
});
