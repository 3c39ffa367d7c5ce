import type { RentArrearsFile } from '../application/rent-arrears-intake.ts';
import { HttpError } from './http-error.ts';
import { type ApiEvent, MAX_REQUEST_BYTES } from './middlewares.ts';

const RAW_CSV = /^(text\/(csv|plain)|application\/(csv|vnd\.ms-excel|octet-stream))\b/i;
const MULTIPART = /^multipart\/form-data\b/i;

interface MultipartFile {
  readonly filename?: string;
  readonly mimetype?: string;
  readonly truncated?: boolean;
  readonly content: Buffer;
}

const tooLarge = () =>
  new HttpError(
    413,
    'file-too-large',
    'Het bestand is groter dan 6 MB. Splits de lijst in delen van hoogstens 6 MB (ongeveer 30.000 rijen) en stuur elk deel apart, steeds met de kopregel.',
  );

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset=["']?([\w-]+)/i.exec(contentType)?.[1];
}

/**
 * The CSV file of an upload (API.md): the raw body as `text/csv` (charset optional), or field `file`
 * of a `multipart/form-data` form, which @middy/http-multipart-body-parser has already parsed.
 * 415 for another content type, 400 when empty, 413 above 6 MB.
 */
export function uploadedFile(event: ApiEvent): RentArrearsFile {
  const contentType = event.headers?.['content-type'] ?? '';
  let file: RentArrearsFile;
  if (MULTIPART.test(contentType)) {
    const part = (event.body as unknown as Record<string, unknown> | undefined)?.file as
      | MultipartFile
      | undefined;
    if (!part?.content) {
      throw new HttpError(422, 'file-missing', "Het formulier bevat geen bestand in het veld 'file'.");
    }
    if (part.truncated) throw tooLarge();
    file = { bytes: part.content, charset: charsetOf(part.mimetype ?? ''), fileName: part.filename };
  } else if (RAW_CSV.test(contentType)) {
    const body = event.body ?? '';
    // A gateway that decoded non-UTF-8 bytes as text left replacement characters: ë, Ö … are gone.
    if (!event.isBase64Encoded && body.includes('\uFFFD')) {
      throw new HttpError(
        422,
        'encoding-lost',
        'De tekens van het bestand kwamen beschadigd aan (geen UTF-8). Stuur het als multipart/form-data (veld file) of als application/octet-stream.',
      );
    }
    file = {
      bytes: Buffer.from(body, event.isBase64Encoded ? 'base64' : 'utf8'),
      charset: charsetOf(contentType),
    };
  } else {
    throw new HttpError(
      415,
      'unsupported-media-type',
      'Stuur de lijst als text/csv, of als multipart/form-data met het bestand in het veld file.',
    );
  }
  if (file.bytes.length === 0) throw new HttpError(400, 'empty-body', 'Het bestand is leeg.');
  // DESIGN I6: the request limit of every route (Lambda's payload limit); a bigger list must be split.
  if (file.bytes.length > MAX_REQUEST_BYTES) throw tooLarge();
  return file;
}
