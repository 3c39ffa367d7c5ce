import { useEffect, useState } from 'preact/hooks';
import type * as z from 'zod';
import type { careReportListSchema } from '../../../../shared/api/care-report-schemas.ts';
import type { Api } from '../../api.ts';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  Heading,
  Link,
  Loading,
  Paragraph,
  ScrollTable,
  type Status,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';

/**
 * "Mijn meldingen" (issue 15 build 4, DESIGN C4 and P4): the police's own care reports with the
 * feedback the service gives partners — ontvangen, opgepakt, niet opgepakt, afgerond — in words,
 * never the reason or the team's notes.
 */

/** `GET /intake/care-reports` (API.md): the organisation's own reports, newest received first. */
type ReportList = z.output<typeof careReportListSchema>;
type Report = ReportList['items'][number];

const PAGE_SIZE = 50;

/** Each feedback (DESIGN C4) as a badge and what it means for the police. */
export const FEEDBACK: Readonly<Record<string, { label: string; status: Status; meaning: string }>> = {
  ontvangen: {
    label: 'Ontvangen',
    status: 'neutral',
    meaning: 'De melding is binnen en ligt bij een buurtteam of Veilig Thuis.',
  },
  opgepakt: {
    label: 'Opgepakt',
    status: 'active',
    meaning: 'Er is contact gezocht met de inwoner.',
  },
  'niet-opgepakt': {
    label: 'Niet opgepakt',
    status: 'warning',
    meaning: 'De melding wordt niet opgepakt; de reden wordt niet gedeeld.',
  },
  afgerond: {
    label: 'Afgerond',
    status: 'safe',
    meaning: 'De melding is afgehandeld, of doorgezet naar Veilig Thuis.',
  },
  'fout-bij-verwerking': {
    label: 'Fout bij verwerking',
    status: 'error',
    meaning: 'Niet verwerkt: verstuur de melding opnieuw met hetzelfde registratienummer.',
  },
};

const today = () => new Date().toISOString().slice(0, 10);

export function MyReports({ api }: { api: Api }) {
  const [reports, setReports] = useState<Report[]>();
  const [cursor, setCursor] = useState<string>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();

  const page = (after?: string) =>
    api.get<ReportList>(
      `/intake/care-reports?limit=${PAGE_SIZE}${after ? `&cursor=${encodeURIComponent(after)}` : ''}`,
    );

  useEffect(() => {
    let current = true;
    page()
      .then((answer) => {
        if (!current) return;
        setReports(answer.items);
        setCursor(answer.cursor);
      })
      .catch((caught: unknown) => {
        if (current) setError(caught);
      });
    return () => {
      current = false;
    };
  }, [api]);

  const more = async () => {
    setLoadingMore(true);
    try {
      const answer = await page(cursor);
      setReports((shown) => [...(shown ?? []), ...answer.items]);
      setCursor(answer.cursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <Heading level={1}>Mijn meldingen</Heading>
      <Paragraph lead>
        De zorgmeldingen van de politie en wat ermee is gebeurd. U ziet of een melding is ontvangen, opgepakt,
        niet opgepakt of afgerond; de reden en de aantekeningen van het team blijven bij het team.
      </Paragraph>
      <Paragraph>
        Een nieuwe zorg melden? <Link href="#/zorgmelding">Zorgmelding doen</Link>
      </Paragraph>
      <ErrorMessage error={error} />
      {!reports && !error && <Loading />}
      {reports && reports.length === 0 && <Paragraph>Er zijn nog geen zorgmeldingen.</Paragraph>}
      {reports && reports.length > 0 && (
        <ScrollTable label="Mijn meldingen">
          <Table caption="Zorgmeldingen van de politie, laatst ontvangen eerst" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Registratienummer</TableHeaderCell>
                <TableHeaderCell>Gemeld</TableHeaderCell>
                <TableHeaderCell>Ontvangen</TableHeaderCell>
                <TableHeaderCell>Terugkoppeling</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reports.map((report) => {
                const feedback = FEEDBACK[report.feedback];
                return (
                  <TableRow key={report.reportId}>
                    <TableCell>{report.reportId}</TableCell>
                    <TableCell>{formatDutchDateTime(report.reportedAt, today())}</TableCell>
                    <TableCell>{formatDutchDateTime(report.receivedAt, today())}</TableCell>
                    <TableCell>
                      <StatusBadge status={feedback?.status ?? 'neutral'}>
                        {feedback?.label ?? report.feedback}
                      </StatusBadge>{' '}
                      {feedback?.meaning}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {cursor && (
        <ButtonGroup>
          <Button busy={loadingMore} disabled={loadingMore} onClick={() => void more()}>
            Meer meldingen laden
          </Button>
        </ButtonGroup>
      )}
    </>
  );
}
