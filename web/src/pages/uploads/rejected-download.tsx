import { useState } from 'preact/hooks';
import { Button, ButtonGroup, ErrorMessage, ErrorSummary, Heading, Paragraph } from '../../components/ui.tsx';
import type { RejectedLine } from '../../csv.ts';
import { csvFileProblem } from '../../upload-file.ts';
import { useFormErrors } from '../../validation.ts';
import { CsvFilePicker } from './file-picker.tsx';
import { type Line, lineNames, type Receipt, type ReceiptLines } from './receipt-data.ts';

/** Offers text as a CSV file to save, as a download of the browser. */
export function saveCsv(fileName: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

const nl = (value: number) => value.toLocaleString('nl-NL');

/**
 * Downloads of the rejected rows (issue 11, 15), of this upload or of any earlier one. The service
 * keeps no row data, so the rows with their values come from the partner's file: the one just sent
 * (`sent`), or the file of an earlier upload chosen again, which is checked to be that upload's
 * (rows counted, huurdernummers compared; csv.ts). Without the file: an overview of row number,
 * huurdernummer and errors. A receipt read back comes in pages (DESIGN C4): the download waits for
 * every page, with its progress, and makes no file when one fails or the count does not add up.
 */
export function RejectedDownload({
  receipt,
  lines,
  sent,
}: {
  receipt: Receipt;
  lines: ReceiptLines;
  /** The file sent in this tab, when it is this upload's. */
  sent?: File | undefined;
}) {
  const form = useFormErrors();
  const [chosen, setChosen] = useState<File>();
  const [gathering, setGathering] = useState(false);
  const [error, setError] = useState<unknown>();
  const names = lineNames(receipt);
  const { rejected, received } = receipt.counts;
  if (rejected === 0) return null;
  const rowsFromFile = receipt.kind === 'rent-arrears';

  /** Every rejected line, once every page is in; an error when they do not add up. */
  const rejectedLines = async (): Promise<(Line & RejectedLine)[]> => {
    const all = await lines.all();
    const found = all.filter((line) => line.status === 'rejected');
    if (found.length !== rejected) {
      throw new Error('Niet alle afgewezen rijen konden worden opgehaald. Probeer het opnieuw.');
    }
    return found.map((line) => ({ ...line, row: line.row ?? line.index ?? 0 }));
  };

  const run = async (make: (found: (Line & RejectedLine)[]) => Promise<void>) => {
    if (gathering) return;
    setError(undefined);
    setGathering(true);
    try {
      await make(await rejectedLines());
    } catch (caught) {
      setError(caught);
    } finally {
      setGathering(false);
    }
  };

  const fromFile = (event?: Event) => {
    event?.preventDefault();
    const file = sent ?? chosen;
    if (
      !sent &&
      !form.check({ 'rejected-file': file ? csvFileProblem(file) : 'Kies het bestand van deze aanlevering.' })
    ) {
      return;
    }
    void run(async (found) => {
      // Loaded on demand: the CSV parser is only needed here, not for the rest of the app.
      const { NotThisUploadError, rejectedRowsCsv } = await import('../../csv.ts');
      const bytes = new Uint8Array(await (file as File).arrayBuffer());
      try {
        const csv = rejectedRowsCsv(bytes, found, sent ? undefined : { received });
        saveCsv(`afgewezen-${(file as File).name}`, csv);
      } catch (caught) {
        if (!(caught instanceof NotThisUploadError)) throw caught;
        form.show({ 'rejected-file': caught.message });
      }
    });
  };

  const overview = () =>
    void run(async (found) => {
      const { rejectedOverviewCsv } = await import('../../csv.ts');
      const csv = rejectedOverviewCsv(found, {
        position: names.position.toLowerCase(),
        reference: names.reference.toLowerCase(),
      });
      const base = (receipt.fileName ?? receipt.batchId ?? receipt.uploadId).replace(/\.csv$/i, '');
      saveCsv(`afgewezen-overzicht-${base}.csv`, csv);
    });

  const downloadButton = (
    <Button type={sent ? 'button' : 'submit'} busy={gathering} onClick={sent ? () => fromFile() : undefined}>
      Afgewezen rijen downloaden (CSV)
    </Button>
  );

  return (
    <section aria-labelledby="rejected-title">
      <Heading level={3} id="rejected-title">
        Afgewezen {names.lines} ({nl(rejected)})
      </Heading>
      {rowsFromFile && sent && (
        <>
          <Paragraph>
            Download de afgewezen rijen uit uw bestand, met een kolom <code class="utrecht-code">fouten</code>{' '}
            die zegt wat er mis is. Verbeter ze en stuur ze opnieuw; rijen die al verwerkt zijn worden
            herkend.
          </Paragraph>
          <ButtonGroup>{downloadButton}</ButtonGroup>
        </>
      )}
      {rowsFromFile && !sent && (
        <form noValidate onSubmit={fromFile}>
          <ErrorSummary errors={form.errors} ref={form.summary} />
          <CsvFilePicker
            id="rejected-file"
            title="Het bestand van deze aanlevering"
            description={`Buurtsignaal bewaart uw bestand niet. Kies het bestand dat u toen verstuurde${receipt.fileName ? ` (${receipt.fileName})` : ''} opnieuw: uw browser haalt er de afgewezen rijen uit, met een kolom fouten. Het bestand wordt niet opnieuw verstuurd.`}
            error={form.errors['rejected-file']}
            file={chosen}
            buttonText="Kies het bestand"
            onChoose={(file) => {
              setChosen(file);
              form.clear();
            }}
          />
          <ButtonGroup>{downloadButton}</ButtonGroup>
        </form>
      )}
      <Paragraph small>
        {rowsFromFile && !sent ? 'Heeft u het bestand niet meer? ' : ''}
        Het overzicht zonder bestand heeft per afgewezen {names.line} het {names.position.toLowerCase()}
        nummer, {names.theReference} en de fouten.
      </Paragraph>
      <ButtonGroup>
        <Button busy={gathering} onClick={overview}>
          Overzicht afgewezen {names.lines} downloaden (CSV)
        </Button>
      </ButtonGroup>
      {gathering && !lines.complete && (
        <p class="utrecht-paragraph" role="status">
          <label for="gathering">
            Afgewezen {names.lines} verzamelen: {nl(lines.lines.length)} van {nl(received)} {names.lines}{' '}
            opgehaald.
          </label>{' '}
          <progress id="gathering" max={received || 1} value={lines.lines.length} />
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
