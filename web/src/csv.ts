/** The text of a CSV file as the service reads it: UTF-8 (BOM stripped), else Windows-1252 (I2). */
export function decodeFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The records of a CSV as raw text, one per spreadsheet row — quoted newlines stay inside their
 * record and blank lines count — so index + 1 is the row number the receipt uses.
 */
export function splitRecords(text: string): string[] {
  const records: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) {
      records.push(text.slice(start, index));
      if (character === '\r' && text[index + 1] === '\n') index++;
      start = index + 1;
    }
  }
  if (start < text.length) records.push(text.slice(start));
  return records;
}

function delimiterOf(header: string): string {
  const count = (character: string) => header.split(character).length;
  return count(',') > count(';') ? ',' : ';';
}

const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;

/**
 * The rejected rows of an upload, with a column `fouten` that says what to fix, ready to correct and
 * send again. Built in the browser from the file the partner chose: the service keeps no row data.
 * UTF-8 with a BOM so spreadsheet programs show é and Ö correctly.
 */
export function rejectedRowsCsv(
  text: string,
  rejected: readonly { row: number; errors?: readonly { message: string }[] }[],
): string {
  const records = splitRecords(text);
  const header = records[0] ?? '';
  const delimiter = delimiterOf(header);
  const lines = [`${header}${delimiter}fouten`];
  for (const { row, errors } of rejected) {
    const record = records[row - 1];
    if (record !== undefined)
      lines.push(`${record}${delimiter}${quote((errors ?? []).map((error) => error.message).join(' '))}`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
