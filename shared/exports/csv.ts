/** RFC 4180 CSV for spreadsheets: data in, text out. */

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection).
const formulaStart = /^[=+\-@\t\r]/

/** One cell: formulas defused with a leading apostrophe, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return ''
  // Numbers we write ourselves are data, never formulas; only text from people is guarded.
  const text = typeof value === 'string' && formulaStart.test(value) ? `'${value}` : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A whole document: a header row, then the rows, CRLF line ends, and a UTF-8 byte order mark so Excel reads
 * accents (Zoë, café) correctly.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
