// `npm run verify-ddas -- answer.json signature.txt certificate.pem` (issue 14, X3): checks a DDAS
// delivery as CBS would — the detached JWS of `nlgov-adr-payload-sig` over the exact bytes of the
// answer, with the public key of the certificate. Exits 1 when it does not hold.
import { readFileSync } from 'node:fs';
import { base64url, compactVerify, importX509 } from 'jose';

const [answerFile, signatureFile, certificateFile] = process.argv.slice(2) as [string, string, string];
const [header, , value] = readFileSync(signatureFile, 'utf8').trim().split('.');
const key = await importX509(readFileSync(certificateFile, 'utf8'), 'PS256');
try {
  const jws = `${header}.${base64url.encode(readFileSync(answerFile))}.${value}`;
  const { protectedHeader } = await compactVerify(jws, key);
  console.log(`Handtekening klopt (kid ${protectedHeader.kid}, ${protectedHeader.alg}).`);
} catch (error) {
  console.error(`Handtekening klopt niet: ${(error as Error).message}`);
  process.exitCode = 1;
}
