/** RFC 4180 CSV: comma separator, every field quoted (quotes doubled), CRLF line ends; UTF-8 with a BOM for spreadsheets. */
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | Date | null | undefined;

function fieldOf(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: CsvValue[]): string {
  return `${values.map(fieldOf).join(",")}\r\n`;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return CSV_BOM + csvLine(header) + rows.map(csvLine).join("");
}
