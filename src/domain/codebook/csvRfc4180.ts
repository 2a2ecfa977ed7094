// Minimal RFC 4180 reader/writer. The reader is total: it never throws and reports
// malformed quoting as issues, because imports come from spreadsheets of unknown quality.

export interface CsvIssue {
  /** 1-based physical record number. */
  readonly record: number;
  readonly message: string;
}

export interface CsvParseResult {
  readonly records: string[][];
  readonly issues: CsvIssue[];
}

export function parseCsv(text: string): CsvParseResult {
  const records: string[][] = [];
  const issues: CsvIssue[] = [];
  let record: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // tolerate a UTF-8 byte-order mark from spreadsheets
  let quoted = false;
  let afterQuote = false;
  let sawAnything = false;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
    afterQuote = false;
    sawAnything = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      afterQuote = false;
      sawAnything = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else if (ch === '"' && field === '' && !afterQuote) {
      quoted = true;
      sawAnything = true;
      i += 1;
    } else {
      if (afterQuote || ch === '"') issues.push({ record: records.length + 1, message: 'unexpected quote character; quote the whole field and double inner quotes' });
      field += ch;
      sawAnything = true;
      i += 1;
    }
  }
  if (quoted) issues.push({ record: records.length + 1, message: 'unterminated quoted field' });
  if (sawAnything || field !== '' || record.length > 0) endRecord();
  return { records, issues };
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A spreadsheet would run a cell starting with = + - @ as a formula; a leading ' keeps it text. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CRLF line endings as RFC 4180 prescribes; every record ends with a line break. */
export function serializeCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(quoteField).join(',') + '\r\n').join('');
}
