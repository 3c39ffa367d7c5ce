import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import {
  Button,
  ButtonGroup,
  CheckboxField,
  ErrorMessage,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
} from '../../components/ui.tsx';
import { csvFileProblem } from '../../upload-file.ts';
import { useFormErrors } from '../../validation.ts';
import { CsvFilePicker } from './file-picker.tsx';
import { Processing } from './processing.tsx';
import { type Receipt, sentFiles, useLiveReceipt, useReceiptLines, watchNewUpload } from './receipt-data.ts';
import { ReceiptSection } from './receipt-section.tsx';

const PATH = '/intake/rent-arrears?attest=sociale-incasso';

/**
 * A housing corporation uploads its rent-arrears list (API.md, DESIGN I1–I6, C1) and follows it to
 * the receipt: the bytes going out ("Versturen", with a percentage), then "Verwerken" with the time
 * since they were sent and the service's count of the rows checked — while the request is open as
 * well as after a `verwerken` answer — and then the receipt, which takes the focus. Only a .csv file
 * is taken, with a Dutch message for anything else, before anything is sent.
 */
export function Upload({ api }: { api: Api }) {
  const form = useFormErrors();
  const [file, setFile] = useState<File>();
  const [attested, setAttested] = useState(false);
  /** The share of the bytes sent, while they go out. */
  const [sending, setSending] = useState<number>();
  /** From the moment the bytes are out until the receipt is finished. */
  const [processing, setProcessing] = useState<{ since: number; progress?: Receipt['progress'] }>();
  const [answer, setAnswer] = useState<Receipt>();
  const [receipt, pollError] = useLiveReceipt(api, answer);
  const lines = useReceiptLines(api, receipt);
  const [error, setError] = useState<unknown>();
  const title = useRef<HTMLHeadingElement>(null);
  const finished = receipt !== undefined && receipt.status !== 'verwerken';
  const busy = sending !== undefined || (processing !== undefined && !finished);

  useEffect(() => {
    if (!finished) return;
    setProcessing(undefined);
    title.current?.focus();
  }, [finished, receipt]);

  const choose = (chosen: File | undefined) => {
    if (busy || !chosen) return;
    setAnswer(undefined);
    setError(undefined);
    const problem = csvFileProblem(chosen);
    if (problem) {
      setFile(undefined);
      form.show({ file: problem });
      return;
    }
    form.clear();
    setFile(chosen);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const valid = form.check({
      file: file ? csvFileProblem(file) : 'Kies het CSV-bestand met de huurachterstanden.',
      attest: attested ? undefined : 'Bevestig dat de stappen van de sociale incasso zijn gezet.',
    });
    if (!valid || !file) return;
    setAnswer(undefined);
    setError(undefined);
    setProcessing(undefined);
    setSending(0);
    // The uploads listed now, so that the new one can be found while its request is open.
    const known = await api
      .get<{ items: Receipt[] }>('/intake/uploads?limit=10')
      .then((page) => new Set(page.items.map((item) => item.uploadId)))
      .catch(() => undefined);
    let since: number | undefined;
    let stopWatching = () => {};
    const sent = () => {
      if (since !== undefined) return;
      const start = Date.now();
      since = start;
      setProcessing({ since: start });
      if (known) {
        stopWatching = watchNewUpload(api, {
          fileName: file.name,
          known,
          onProgress: (progress) => setProcessing({ since: start, progress }),
        });
      }
    };
    try {
      const result = await api.upload<Receipt>(PATH, file, (fraction) => {
        setSending(fraction);
        if (fraction >= 1) sent();
      });
      stopWatching();
      sentFiles.set(result.uploadId, file);
      setAnswer(result);
    } catch (caught) {
      stopWatching();
      setProcessing(undefined);
      setError(caught);
    } finally {
      setSending(undefined);
    }
  };

  const progress = receipt?.status === 'verwerken' ? receipt.progress : processing?.progress;
  return (
    <>
      <Heading level={1}>Huurachterstanden aanleveren</Heading>
      <Paragraph lead>
        Lever uw lijst met huurachterstanden aan als CSV-bestand. Welke kolommen erin horen en hoe u ze vult,
        staat bij <Link href="#/upload/formaat">Bestandsformaat</Link>, met een sjabloon om te downloaden.
      </Paragraph>
      <form noValidate onSubmit={submit} class="app-narrow">
        <ErrorSummary errors={form.errors} ref={form.summary} />
        <CsvFilePicker
          id="file"
          title="CSV-bestand"
          description="Een CSV-bestand (.csv) van hoogstens 6 MB, met een kopregel."
          error={form.errors.file}
          file={file}
          buttonText="Kies een CSV-bestand"
          onChoose={choose}
          dropzone
        />
        <CheckboxField
          id="attest"
          label="Wij bevestigen dat de stappen van de sociale incasso zijn gezet: herinnering, contactpoging, wijzen op hulp en aanbod om gegevens te delen (Wgs)."
          error={form.errors.attest}
          checked={attested}
          onChange={setAttested}
        />
        <ButtonGroup>
          <Button appearance="primary-action" type="submit" busy={busy}>
            Versturen
          </Button>
        </ButtonGroup>
        {sending !== undefined && processing === undefined && (
          <>
            <p class="utrecht-paragraph" role="status">
              Het bestand wordt verstuurd.
            </p>
            <p class="utrecht-paragraph">
              <label for="sending">Versturen: {Math.floor(sending * 100)}%</label>{' '}
              <progress id="sending" max={1} value={sending} />
            </p>
          </>
        )}
      </form>
      <ErrorMessage error={error ?? pollError} />
      {processing && !finished && <Processing progress={progress} since={processing.since} />}
      {finished && (
        <ReceiptSection
          receipt={receipt}
          lines={lines}
          sent={sentFiles.get(receipt.uploadId)}
          titleRef={title}
          detailLink
        />
      )}
    </>
  );
}
