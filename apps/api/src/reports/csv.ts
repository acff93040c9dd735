/** RFC 4180 CSV: comma separator, every field quoted (quotes doubled), CRLF line ends; UTF-8 with a BOM for spreadsheets. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | Date | null | undefined;

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A whole cell that is a plain number ("-12.50", "+33187650100") cannot carry a formula: it stays a number. */
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * Text from users (a lead's or agent's name…) is neutralized as OWASP recommends: a single quote before a leading
 * = + - @, tab or carriage return makes the spreadsheet show it as text. Numbers, and text that is exactly a number
 * (money, phone numbers), are left as they are.
 */
export function neutralizeCsvText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function fieldOf(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === "string" ? neutralizeCsvText(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: CsvValue[]): string {
  return `${values.map(fieldOf).join(",")}\r\n`;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return CSV_BOM + csvLine(header) + rows.map(csvLine).join("");
}
