import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../../api.ts';
import { ErrorMessage, Heading, Link, Loading, Paragraph } from '../../components/ui.tsx';
import { formatDateTime } from '../../labels.ts';
import { receiptPath } from '../../receipt-pages.ts';
import { Processing } from './processing.tsx';
import { lineNames, type Receipt, sentFiles, useLiveReceipt, useReceiptLines } from './receipt-data.ts';
import { ReceiptSection } from './receipt-section.tsx';

/**
 * One earlier upload: its receipt with the feedback per row — ontvangen, opgepakt, niet opgepakt,
 * afgerond (C4) — in the same table as on the upload page (every page of it, loaded one after the
 * other), and its rejected rows to download: from the file sent in this tab, or the file chosen again.
 * While it is still `verwerken`: its progress, until it is done.
 */
export function UploadDetail({ api, uploadId }: { api: Api; uploadId: string }) {
  const [loaded, setLoaded] = useState<Receipt>();
  const [receipt, pollError] = useLiveReceipt(api, loaded);
  const lines = useReceiptLines(api, receipt);
  const [error, setError] = useState<unknown>();
  useEffect(() => void api.get<Receipt>(receiptPath(uploadId)).then(setLoaded, setError), [uploadId]);
  if (!receipt) return error ? <ErrorMessage error={error} /> : <Loading />;
  return (
    <>
      <Paragraph>
        <Link href="#/uploads">Eerdere aanleveringen</Link>
      </Paragraph>
      <Heading level={1}>Aanlevering van {formatDateTime(receipt.receivedAt)}</Heading>
      <ErrorMessage error={pollError} />
      {receipt.status === 'verwerken' ? (
        <Processing progress={receipt.progress} lines={lineNames(receipt).lines} />
      ) : (
        <ReceiptSection receipt={receipt} lines={lines} sent={sentFiles.get(receipt.uploadId)} />
      )}
    </>
  );
}
