// Choosing the compressed copy of a built file that the browser accepts. The copies are made at
// build time (scripts/compressAssets.mjs): nothing is compressed per request.
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type ContentEncoding = 'br' | 'gzip';

/**
 * The best of `available` that an Accept-Encoding header allows (brotli before gzip, as it is
 * smaller), or undefined for the file as it is. `q=0` refuses an encoding; `*` stands for any.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: readonly ContentEncoding[]): ContentEncoding | undefined {
  if (!acceptEncoding) return undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: string) => weights.get(encoding) ?? weights.get('*') ?? 0;
  let best: ContentEncoding | undefined;
  for (const encoding of ['br', 'gzip'] as const) {
    if (!available.includes(encoding) || weightOf(encoding) <= 0) continue;
    if (best === undefined || weightOf(encoding) > weightOf(best)) best = encoding;
  }
  return best;
}

/** A built file held in memory with its compressed copies, when the build made them. */
export interface PrecompressedFile {
  plain: Buffer;
  encoded: Partial<Record<ContentEncoding, Buffer>>;
}

export function readPrecompressed(file: string): PrecompressedFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  const encoded: Partial<Record<ContentEncoding, Buffer>> = {};
  if (fs.existsSync(`${file}.br`)) encoded.br = fs.readFileSync(`${file}.br`);
  if (fs.existsSync(`${file}.gz`)) encoded.gzip = fs.readFileSync(`${file}.gz`);
  return { plain: fs.readFileSync(file), encoded };
}

/** Sends the smallest copy the browser accepts, with Content-Encoding and Vary set. */
export function sendPrecompressed(request: FastifyRequest, reply: FastifyReply, file: PrecompressedFile, contentType: string): FastifyReply {
  const encoding = chooseEncoding(request.headers['accept-encoding'], Object.keys(file.encoded) as ContentEncoding[]);
  reply.type(contentType).header('vary', 'accept-encoding');
  if (!encoding) return reply.send(file.plain);
  return reply.header('content-encoding', encoding).send(file.encoded[encoding]);
}
