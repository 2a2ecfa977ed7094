// After `vite build`: a brotli (.br) and a gzip (.gz) copy of every built script, style sheet and
// SVG, made once at build time with the strongest settings, so the server sends the visitor's
// phone the smallest file her browser accepts without compressing anything per request
// (src/server/http/web/webRoutes.ts picks one by Accept-Encoding). No dependency: node:zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const web = path.resolve(process.argv[2] ?? 'dist/web');
const compressible = /\.(js|css|svg|html|json|txt)$/;

function filesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : compressible.test(entry.name) ? [full] : [];
  });
}

let before = 0;
let brotli = 0;
let gzip = 0;
for (const file of [...filesUnder(path.join(web, 'assets')), ...filesUnder(path.join(web, 'icons')), path.join(web, 'embed.js')]) {
  if (!fs.existsSync(file)) continue;
  const data = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  const gz = zlib.gzipSync(data, { level: 9 });
  before += data.length;
  // A copy that is not smaller is left out: the server then sends the file as it is.
  for (const [suffix, packed] of [['.br', br], ['.gz', gz]]) {
    const target = file + suffix;
    if (packed.length < data.length) fs.writeFileSync(target, packed);
    else fs.rmSync(target, { force: true });
  }
  brotli += Math.min(br.length, data.length);
  gzip += Math.min(gz.length, data.length);
}
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`compressed assets: ${kB(before)} → brotli ${kB(brotli)}, gzip ${kB(gzip)}`);
