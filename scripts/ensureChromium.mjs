// Run first by `npm test`: the browser tests drive Debian's Chromium. This finds it or, on
// this kind of machine (Debian, running as root), installs the Debian package. It never
// downloads a browser from anywhere else.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function version() {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return (result.stdout || result.stderr || '').trim().split('\n').pop() || 'unknown version';
}

if (fs.existsSync(path)) {
  console.log(`ensureChromium: using ${path} (${version()})`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `ensureChromium: Chromium was not found at ${path}.\n` +
      `  The browser tests need Debian's Chromium. Install it with:\n` +
      `    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium\n` +
      `  or set CHROMIUM_PATH to a Chromium binary. (No browser is downloaded from elsewhere.)`,
  );
  process.exit(1);
}

console.log('ensureChromium: Chromium is missing; installing the Debian package "chromium" with apt-get (this can take a few minutes)…');
try {
  console.log('ensureChromium: $ apt-get update');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  console.log('ensureChromium: $ apt-get install -y --no-install-recommends chromium');
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch (error) {
  console.error(`ensureChromium: apt-get failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
if (!fs.existsSync(path)) {
  console.error(`ensureChromium: the package installed, but ${path} still does not exist.`);
  process.exit(1);
}
console.log(`ensureChromium: installed ${path} (${version()})`);
