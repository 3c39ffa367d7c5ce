import { ddasSigner } from '../../shared/adapters/ddas-dependencies.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { ENVIRONMENTS, parseEnvironment } from '../../shared/environments.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

const signer = await ddasSigner(parseEnvironment(ENVIRONMENTS.ddas));

/** Base64 DER as PEM, 64 characters a line (RFC 7468). */
const pemOf = (der: string) =>
  `-----BEGIN CERTIFICATE-----\n${der.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;

/**
 * `GET /ddas/v1/certificaat` — the certificate chain the deliveries are signed with (X3), so CBS can
 * check a signature against it as well as against the `x5c` in the signature itself. Public: a
 * certificate is.
 */
export const handler = apiHandler(OPERATIONS.ddasCertificaat, async () =>
  jsonResponse(200, {
    kid: signer.kid,
    x5c: signer.certificateChain,
    certificatePem: pemOf(signer.certificateChain[0] as string),
  }),
);
