import { Heading, Paragraph } from '../../components/ui.tsx';
import { formatElapsed } from '../../receipt-pages.ts';
import { useElapsedSeconds } from './receipt-data.ts';

/**
 * "Verwerken": the file is in, the service checks its rows (DESIGN I1). Never a frozen "Versturen…":
 * the time since the bytes were sent ticks by the second, and the service's own count of the rows
 * checked so far shows as soon as it is known (a 30,000-row list takes some 20 seconds). The
 * sentence that says what is happening is announced once; the ticking time and the count are not
 * (a screen reader would hear them every second), the progress bar can be read at will.
 */
export function Processing({
  progress,
  since,
  lines = 'rijen',
}: {
  /** Rows received and checked so far, once the service has said. */
  progress?: { received: number; processed: number } | undefined;
  /** When the bytes were sent (Date.now()); absent on an earlier upload's page. */
  since?: number | undefined;
  lines?: string;
}) {
  const elapsed = useElapsedSeconds(since);
  const known = progress && progress.received > 0;
  const label = known
    ? `${progress.processed.toLocaleString('nl-NL')} van ${progress.received.toLocaleString('nl-NL')} ${lines} gecontroleerd`
    : `${lines[0]?.toUpperCase()}${lines.slice(1)} controleren`;
  return (
    <section class="panel" aria-labelledby="processing-title">
      <Heading level={2} id="processing-title">
        Verwerken
      </Heading>
      <p class="utrecht-paragraph" role="status">
        Het bestand is ontvangen en wordt verwerkt.
      </p>
      <p class="utrecht-paragraph">
        <label for="processing">{label}</label>{' '}
        <progress
          id="processing"
          max={known ? progress.received : undefined}
          value={known ? progress.processed : undefined}
        />
      </p>
      {elapsed !== undefined && <Paragraph>Verstreken tijd: {formatElapsed(elapsed)}.</Paragraph>}
      <Paragraph small>
        U kunt deze pagina open laten; het ontvangstbewijs verschijnt vanzelf. Niets gaat verloren als u de
        pagina sluit: het staat later onder Eerdere aanleveringen.
      </Paragraph>
    </section>
  );
}
