// `node scripts/verify-ddas-signature.ts answer.json signature.txt certificate.pem` (issue 14, X3):
// checks a DDAS delivery as CBS would — the detached JWS of `nlgov-adr-payload-sig` over the exact
// bytes of the answer, with the public key of the certificate. Prints the header, or fails.
import { readFileSync } from 'node:fs';
import { base64url, compactVerify, importX509 } from 'jose';

const [answerFile, signatureFile, certificateFile] = process.argv.slice(2) as [string, string, string];
const [header, , value] = readFileSync(signatureFile, 'utf8').trim().split('.');
const key = await importX509(readFileSync(certificateFile, 'utf8'), 'PS256');
const { protectedHeader } = await compactVerify(
  `${header}.${base64url.encode(readFileSync(answerFile))}.${value}`,
  key,
);
console.log(`Handtekening klopt (kid ${protectedHeader.kid}, ${protectedHeader.alg}).`);
