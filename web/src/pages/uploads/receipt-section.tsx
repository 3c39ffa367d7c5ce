import type { Ref } from 'preact';
import {
  Alert,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/ui.tsx';
import { formatDateTime } from '../../labels.ts';
import { lineNames, type Receipt, type ReceiptLines } from './receipt-data.ts';
import { ReceiptTable } from './receipt-table.tsx';
import { RejectedDownload } from './rejected-download.tsx';

const COUNT_LABELS: readonly [keyof Receipt['counts'], string][] = [
  ['received', 'Ontvangen'],
  ['accepted', 'Geaccepteerd'],
  ['rejected', 'Afgewezen'],
  ['duplicate', 'Dubbel'],
  ['updated', 'Bijgewerkt'],
];

/**
 * What the receipt adds up to (DESIGN I1: the counts add up to the rows received): the file and
 * when, then the counts side by side in a one-row table — five numbers read at a glance.
 */
export function ReceiptSummary({ receipt }: { receipt: Receipt }) {
  const names = lineNames(receipt);
  const what = receipt.fileName ?? receipt.batchId;
  return (
    <>
      <Paragraph>
        {what ? `${what}, ontvangen` : 'Ontvangen'} op {formatDateTime(receipt.receivedAt)}.
      </Paragraph>
      <Table caption={`Samenvatting: ${names.lines} per uitkomst`} captionHidden class="receipt-summary">
        <TableHeader>
          <TableRow>
            {COUNT_LABELS.map(([key, label]) => (
              <TableHeaderCell key={key} numeric>
                {label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow>
            {COUNT_LABELS.map(([key]) => (
              <TableCell key={key} numeric>
                {receipt.counts[key].toLocaleString('nl-NL')}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
}

/**
 * A finished receipt: the summary, unknown columns, the rejected rows to download and the table of
 * every row. On the upload page and on an earlier upload's page alike.
 */
export function ReceiptSection({
  receipt,
  lines,
  sent,
  titleRef,
  detailLink = false,
}: {
  receipt: Receipt;
  lines: ReceiptLines;
  sent?: File | undefined;
  titleRef?: Ref<HTMLHeadingElement>;
  /** A link to the upload's own page (from the upload page: its feedback later). */
  detailLink?: boolean;
}) {
  const unknown = (receipt.warnings ?? []).flatMap((warning) => (warning.column ? [warning.column] : []));
  return (
    <section aria-labelledby="receipt-title" class="panel">
      <Heading level={2} id="receipt-title" tabIndex={-1} ref={titleRef}>
        Ontvangstbewijs
      </Heading>
      <ReceiptSummary receipt={receipt} />
      {unknown.length > 0 && (
        <Alert type="info">
          <Paragraph>Onbekende kolommen genegeerd: {unknown.join(', ')}.</Paragraph>
        </Alert>
      )}
      {detailLink && (
        <Paragraph>
          <Link href={`#/uploads/${encodeURIComponent(receipt.uploadId)}`}>
            Terugkoppeling op deze aanlevering
          </Link>{' '}
          (later terug te vinden onder Eerdere aanleveringen)
        </Paragraph>
      )}
      <RejectedDownload receipt={receipt} lines={lines} sent={sent} />
      <Heading level={3}>Alle {lineNames(receipt).lines}</Heading>
      <ReceiptTable receipt={receipt} lines={lines} />
    </section>
  );
}
