// npm run synth -- --year 2022 --out coded.csv [--size N] [--seed S]
// Writes synthetic coded conversations in the documented exchange format (CSV, or JSON for *.json).
// --year takes one year or a range (2019-2022); --size is the number of unique visitors per year.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exportCodedConversationsCsv } from '../domain/codebook/codedConversationCsv.js';
import { exportCodedConversationsJson } from '../domain/codebook/codedConversationJson.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { synthesizeYears } from '../domain/monitor/synth.js';

const USAGE = 'usage: npm run synth -- --year 2022|2019-2022 --out coded.csv [--size N] [--seed S]';
const EXIT_USAGE = 2;

function fail(message: string): never {
  process.stderr.write(`synth: ${message}\n${USAGE}\n`);
  process.exit(EXIT_USAGE);
}

let args;
try {
  args = parseArgs({
    options: {
      year: { type: 'string' },
      out: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const range = /^(\d{4})(?:-(\d{4}))?$/.exec(args.year ?? '');
if (range === null) fail('--year must be a year (2022) or a range (2019-2022)');
const from = Number(range[1]);
const to = Number(range[2] ?? range[1]);
if (from > to || to - from > 50) fail('--year range is invalid');
if (args.out === undefined) fail('--out is required');
const size = args.size === undefined ? undefined : Number(args.size);
if (size !== undefined && (!Number.isInteger(size) || size < 0 || size > 10_000_000)) fail('--size must be a whole number of visitors (0 to 10000000)');
const seed = Number(args.seed);
if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('--seed must be a whole number from 0 to 4294967295');

const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
const conversations = synthesizeYears(years, { codebook: defaultCodebook, seed, ...(size === undefined ? {} : { size }) });
const text = args.out.toLowerCase().endsWith('.json')
  ? exportCodedConversationsJson(defaultCodebook, conversations)
  : exportCodedConversationsCsv(defaultCodebook, conversations);
try {
  writeFileSync(args.out, text);
} catch (error) {
  process.stderr.write(`synth: cannot write ${args.out}: ${(error as Error).message}\n`);
  process.exit(1);
}
process.stderr.write(`synth: ${conversations.length} conversations for ${years.join(', ')} (seed ${seed}) → ${args.out}\n`);
