import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import {
  ErrorMessage,
  Heading,
  Link,
  Loading,
  Paragraph,
  ScrollTable,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDateTime } from '../../labels.ts';
import type { Receipt } from './receipt-data.ts';

const nl = (value: number) => value.toLocaleString('nl-NL');

/**
 * A partner's earlier uploads, newest first: each opens its receipt with the feedback per row and
 * the download of its rejected rows (issue 15: of any earlier upload, not only the one just sent).
 */
export function Uploads({ api }: { api: Api }) {
  const [uploads, setUploads] = useState<Receipt[]>();
  const [error, setError] = useState<unknown>();
  useEffect(
    () =>
      void api.get<{ items: Receipt[] }>('/intake/uploads').then((page) => setUploads(page.items), setError),
    [],
  );
  return (
    <>
      <Heading level={1}>Eerdere aanleveringen</Heading>
      <ErrorMessage error={error} />
      {!uploads && !error && <Loading />}
      {uploads && uploads.length === 0 && <Paragraph>Nog geen aanleveringen.</Paragraph>}
      {uploads && uploads.length > 0 && (
        <ScrollTable label="Aanleveringen">
          <Table caption="Uw aanleveringen, de nieuwste eerst" captionHidden>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Ontvangen</TableHeaderCell>
                <TableHeaderCell>Bestand of batch</TableHeaderCell>
                <TableHeaderCell numeric>Rijen</TableHeaderCell>
                <TableHeaderCell numeric>Afgewezen</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {uploads.map((upload) => (
                <TableRow key={upload.uploadId}>
                  <TableCell>
                    <Link href={`#/uploads/${encodeURIComponent(upload.uploadId)}`}>
                      {formatDateTime(upload.receivedAt)}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {upload.fileName ??
                      upload.batchId ??
                      (upload.kind === 'rent-arrears' ? 'Huurachterstanden' : 'Energieschulden')}
                  </TableCell>
                  <TableCell numeric>{nl(upload.counts.received)}</TableCell>
                  <TableCell numeric>{nl(upload.counts.rejected)}</TableCell>
                  <TableCell>
                    {upload.status === 'verwerken' ? (
                      <StatusBadge status="warning">Wordt verwerkt</StatusBadge>
                    ) : (
                      <StatusBadge status="neutral">Verwerkt</StatusBadge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}
