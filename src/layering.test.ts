// The architecture, enforced: dependencies point inward. Reads every import of every source file
// (tests excepted: they may reach across to set up a scene) and checks it against the rules a
// newcomer reads in README's architecture section.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !rel.includes(`${path.sep}testing${path.sep}`)) out.push(rel);
  }
  return out;
}

interface Import {
  file: string;
  specifier: string;
  /** The imported file relative to the project root, for relative imports. */
  target: string | undefined;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const specifier = match[1] ?? match[2]!;
    const target = specifier.startsWith('.') ? path.normalize(path.join(path.dirname(file), specifier)) : undefined;
    found.push({ file, specifier, target });
  }
  return found;
}

const layerOf = (target: string) => target.split(path.sep).slice(0, 2).join('/');
const all = [...sourceFiles('src'), ...sourceFiles('web')].flatMap(importsOf);
const from = (prefix: string) => all.filter((i) => i.file.startsWith(prefix));
const describeImport = (i: Import) => `${i.file} imports ${i.specifier}`;
const databaseDrivers = new Set(['kysely', 'pg', 'better-sqlite3']);

describe('layering', () => {
  it('reads a realistic number of imports (the scanner works)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(from('src/app/').length).toBeGreaterThan(50);
  });

  it('keeps the domain pure: it imports only itself (and zod), no I/O, no framework, no clock', () => {
    const bad = from('src/domain/').filter((i) => (i.target ? layerOf(i.target) !== 'src/domain' : i.specifier !== 'zod'));
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('keeps the protocol free of everything but the domain (browser and server share it)', () => {
    // The WebAuthn JSON types are part of the wire format (type-only imports).
    const allowed = new Set(['zod', '@simplewebauthn/browser']);
    const bad = from('src/protocol/').filter((i) => (i.target ? !['src/protocol', 'src/domain'].includes(layerOf(i.target)) : !allowed.has(i.specifier)));
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('lets nothing outside src/store touch a database driver or Kysely', () => {
    const bad = all.filter((i) => !i.file.startsWith('src/store/') && databaseDrivers.has(i.specifier));
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('keeps the store below the application: it knows the domain and the protocol, not the app or the transports', () => {
    const bad = from('src/store/').filter((i) => i.target && ['src/app', 'src/server', 'src/cli', 'src/reporting'].includes(layerOf(i.target)));
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('keeps the application layer free of HTTP and sockets', () => {
    const transports = new Set(['fastify', '@fastify/cookie', '@fastify/static', 'socket.io', 'socket.io-client', 'pino']);
    const bad = from('src/app/').filter((i) => (i.target ? ['src/server', 'src/cli', 'web/console', 'web/visitor'].includes(layerOf(i.target)) : transports.has(i.specifier)));
    expect(bad.map(describeImport)).toEqual([]);
  });

  it('gives the transports no raw database handle', () => {
    const bad: string[] = [];
    for (const file of [...sourceFiles('src/server'), ...sourceFiles('src/app')]) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (/\brepos\.store\b|\.store\.db\b/.test(text)) bad.push(file);
    }
    expect(bad).toEqual([]);
  });

  it('keeps browser code to the protocol and the pure domain; the visitor page never loads console code', () => {
    const bad = from('web/').filter((i) => i.target && ['src/server', 'src/store', 'src/app', 'src/cli', 'src/reporting'].includes(layerOf(i.target)));
    expect(bad.map(describeImport)).toEqual([]);
    const visitorToConsole = from('web/visitor/').filter((i) => i.target && layerOf(i.target) === 'web/console');
    expect(visitorToConsole.map(describeImport)).toEqual([]);
  });
});
