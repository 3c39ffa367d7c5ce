/** What the web app checks of a chosen file before anything is sent (no DOM: unit-tested under Node). */

/** DESIGN I6: the service takes up to 6 MB per request. */
export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;

const WORKBOOKS = new Set(['xlsx', 'xlsm', 'xls', 'ods', 'numbers']);

/**
 * Why a chosen or dropped file cannot be a rent-arrears list, in Dutch, or undefined when it can be
 * sent: only a `.csv` file (any case), not empty, within 6 MB. A spreadsheet workbook gets the way to
 * save it as CSV. The service checks the bytes again (a workbook renamed to .csv is still refused).
 */
export function csvFileProblem(file: { readonly name: string; readonly size: number }): string | undefined {
  const extension = /\.([^.\\/]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension && WORKBOOKS.has(extension)) {
    return `${file.name} is een spreadsheet, geen CSV-bestand. Sla de lijst in uw spreadsheetprogramma op als "CSV UTF-8" of "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.`;
  }
  if (extension !== 'csv') return `${file.name} is geen CSV-bestand. Kies een bestand dat eindigt op .csv.`;
  if (file.size === 0) return `${file.name} is leeg. Kies het bestand met de huurachterstanden.`;
  if (file.size > MAX_UPLOAD_BYTES) {
    return `${file.name} is groter dan 6 MB. Splits de lijst in delen van hoogstens 6 MB (ongeveer 30.000 rijen) en stuur elk deel apart, steeds met de kopregel.`;
  }
  return undefined;
}
