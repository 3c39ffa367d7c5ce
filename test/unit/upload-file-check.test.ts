import { describe, expect, it } from 'vitest';
import { csvFileProblem, MAX_UPLOAD_BYTES } from '../../web/src/upload-file.ts';

// Issue 15: the upload's picker takes only .csv; a file dropped or chosen otherwise is refused in
// Dutch before anything is sent (the service checks the bytes again, DESIGN I2, I6).

describe('the file a corporation chooses (issue 15)', () => {
  it('takes a .csv file in any case, within 6 MB', () => {
    expect(csvFileProblem({ name: 'huurachterstanden.csv', size: 1_000 })).toBeUndefined();
    expect(csvFileProblem({ name: 'LIJST NOVEMBER.CSV', size: MAX_UPLOAD_BYTES })).toBeUndefined();
  });

  it('refuses a workbook with how to save it as CSV, and any other file in Dutch', () => {
    expect(csvFileProblem({ name: 'lijst.xlsx', size: 10 })).toBe(
      'lijst.xlsx is een spreadsheet, geen CSV-bestand. Sla de lijst in uw spreadsheetprogramma op als "CSV UTF-8" of "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.',
    );
    for (const name of ['lijst.XLS', 'lijst.ods', 'lijst.xlsm']) {
      expect(csvFileProblem({ name, size: 10 })).toMatch(/is een spreadsheet, geen CSV-bestand/);
    }
    for (const name of ['lijst.pdf', 'lijst.txt', 'lijst', 'lijst.csv.zip']) {
      expect(csvFileProblem({ name, size: 10 })).toBe(
        `${name} is geen CSV-bestand. Kies een bestand dat eindigt op .csv.`,
      );
    }
  });

  it('refuses an empty file and one over 6 MB, with how to split it', () => {
    expect(csvFileProblem({ name: 'leeg.csv', size: 0 })).toBe(
      'leeg.csv is leeg. Kies het bestand met de huurachterstanden.',
    );
    expect(csvFileProblem({ name: 'groot.csv', size: MAX_UPLOAD_BYTES + 1 })).toMatch(
      /^groot\.csv is groter dan 6 MB\. Splits de lijst in delen van hoogstens 6 MB \(ongeveer 30\.000 rijen\)/,
    );
  });
});
