import {
  Paragraph,
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDutchDateTime } from '../../dutch-time.ts';
import { CONTACT_KINDS } from '../../labels.ts';
import { ContactForm } from './contact-form.tsx';
import { Panel } from './facts.tsx';
import type { Act, Detail } from './types.ts';

/** The contact attempts so far (D3, with DDAS's dagdeel) and, for the team, the form for the next. */
export function ContactAttempts({
  signal,
  today,
  canRecord,
  act,
}: {
  signal: Detail;
  today: string;
  canRecord: boolean;
  act: Act;
}) {
  return (
    <Panel id="contacts-title" title="Contactpogingen">
      {signal.contactAttempts.length === 0 ? (
        <Paragraph small>Nog geen contactpogingen.</Paragraph>
      ) : (
        <ScrollTable label="Contactpogingen tot nu toe">
          <Table caption="Contactpogingen, oudste eerst" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Moment</TableHeaderCell>
                <TableHeaderCell>Dagdeel</TableHeaderCell>
                <TableHeaderCell>Soort</TableHeaderCell>
                <TableHeaderCell>Bereikt</TableHeaderCell>
                <TableHeaderCell>Notitie</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {signal.contactAttempts.map((attempt) => (
                <TableRow key={attempt.at + attempt.kind}>
                  <TableCell>{formatDutchDateTime(attempt.at, today)}</TableCell>
                  <TableCell>{attempt.dagdeel}</TableCell>
                  <TableCell>{CONTACT_KINDS[attempt.kind] ?? attempt.kind}</TableCell>
                  <TableCell>{attempt.reached ? 'Ja' : 'Nee'}</TableCell>
                  <TableCell>{attempt.note ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {canRecord && <ContactForm act={act} />}
    </Panel>
  );
}
