// npm run report -- --from coded.csv --year 2022 [--years 2019-2022] --format html|csv|json [--lang nl|en] [--out file]
// Computes the monitor from an exported CSV (or JSON) of coded conversations, without a server.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importCodedConversationsCsv } from '../domain/codebook/codedConversationCsv.js';
import { importCodedConversationsJson } from '../domain/codebook/codedConversationJson.js';
import { defaultCodebook } from '../domain/codebook/defaultCodebook.js';
import { computeMonitor } from '../domain/monitor/computeMonitor.js';
import { renderReportCsv } from '../reporting/renderReportCsv.js';
import { renderReportHtml } from '../reporting/renderReportHtml.js';

const USAGE = 'usage: npm run report -- --from coded.csv --year 2022 [--years 2019-2022] --format html|csv|json [--lang nl|en] [--out file]';
const EXIT_USAGE = 2;
const EXIT_BAD_DATA = 3;

function fail(message: string, code: number): never {
  process.stderr.write(`report: ${message}\n`);
  process.exit(code);
}

function parseYearRange(text: string): { from: number; to: number } | undefined {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (match === null) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2] ?? match[1]);
  return from <= to ? { from, to } : undefined;
}

let args;
try {
  args = parseArgs({
    options: {
      from: { type: 'string' },
      year: { type: 'string' },
      years: { type: 'string' },
      format: { type: 'string', default: 'html' },
      lang: { type: 'string', default: 'nl' },
      out: { type: 'string' },
      'allow-invalid-rows': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, EXIT_USAGE);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.from === undefined) fail(`--from is required\n${USAGE}`, EXIT_USAGE);
const year = Number(args.year);
if (args.year === undefined || !Number.isInteger(year) || year < 1990 || year > 2999) fail(`--year must be a year such as 2022\n${USAGE}`, EXIT_USAGE);
const format = args.format;
if (format !== 'html' && format !== 'csv' && format !== 'json') fail(`--format must be html, csv or json\n${USAGE}`, EXIT_USAGE);
const lang = args.lang;
if (lang !== 'nl' && lang !== 'en') fail(`--lang must be nl or en\n${USAGE}`, EXIT_USAGE);
const pooled = args.years === undefined ? undefined : parseYearRange(args.years);
if (args.years !== undefined && pooled === undefined) fail(`--years must be a range such as 2019-2022\n${USAGE}`, EXIT_USAGE);

let text: string;
try {
  text = readFileSync(args.from, 'utf8');
} catch (error) {
  fail(`cannot read ${args.from}: ${(error as Error).message}`, EXIT_USAGE);
}
const imported = args.from.toLowerCase().endsWith('.json')
  ? importCodedConversationsJson(defaultCodebook, text)
  : importCodedConversationsCsv(defaultCodebook, text);
if (imported.issues.length > 0) {
  const shown = imported.issues.slice(0, 20).map((i) => `  row ${i.row}${i.column === '' ? '' : `, column ${i.column}`}: ${i.message}`);
  const more = imported.issues.length > 20 ? [`  … and ${imported.issues.length - 20} more`] : [];
  process.stderr.write(`report: ${imported.issues.length} issue(s) in ${args.from}:\n${[...shown, ...more].join('\n')}\n`);
  // Figures must be reproducible: by default refuse to report on partly unreadable data.
  if (!args['allow-invalid-rows']) fail('no report written; fix the rows or pass --allow-invalid-rows to leave them out', EXIT_BAD_DATA);
}

const report = computeMonitor(imported.conversations, {
  codebook: defaultCodebook,
  year,
  ...(pooled === undefined ? {} : { pooledRanges: [pooled], seriesFrom: Math.min(pooled.from, year - 4) }),
});
const output = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'csv' ? renderReportCsv(report, lang) : renderReportHtml(report, { language: lang });
if (args.out === undefined) {
  process.stdout.write(output);
} else {
  try {
    writeFileSync(args.out, output);
  } catch (error) {
    fail(`cannot write ${args.out}: ${(error as Error).message}`, EXIT_USAGE);
  }
  process.stderr.write(`report: ${imported.conversations.length} conversations → ${args.out}\n`);
}
