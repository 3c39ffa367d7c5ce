import { createHash, X509Certificate } from 'node:crypto';
import { base64url } from 'jose';

/**
 * Integrity of a DDAS delivery (DESIGN X3, issue 14 build 4). What the contract asks, and where it
 * says so:
 * - `Digest: SHA-256=<base64>` over the body (RFC 3230): DDAS-VS.yaml 1.0, `components.headers.Digest`
 *   (VNG-Realisatie/ddas-vroegsignalering, v1.0/DDAS-VS.yaml), pattern `^SHA-256=[A-Za-z0-9+/=]{43,44}$`
 *   — standard base64 with padding, not base64url.
 * - `nlgov-adr-payload-sig`: the same file, `components.headers.NlgovAdrPayloadSig` — JWS Compact
 *   Serialization with detached payload; the protected header holds at least `alg: PS256`, `kid`,
 *   `x5c` (the whole chain; the verifier takes the key from the first certificate) and `typ: "JOSE"`.
 * - docs/api/signing-encryptie.md of the same repository: the signature is computed over the exact
 *   bytes of the HTTP body as sent, the header value is `BASE64URL(header)..BASE64URL(signature)`
 *   (RFC 7515 appendix F: the payload part left empty), profile JAdES-B, and `x5t#S256` is
 *   recommended (not required) — so we send it: it costs nothing and lets a verifier pick the
 *   certificate by thumbprint.
 * - Govert-Claus/DDAS-API test/Validate_Test_Request.js, the reference check: it puts
 *   base64url(body) back between the dots and runs `jose.compactVerify` with `importX509(x5c[0])`.
 *   That is the form built here, so a standard JOSE library verifies it as is.
 *
 * Not taken: the Geonovum KP-API signing-jades module (ch01, "Payload signing") describes the JAdES
 * `sigD` header (mId `http://uri.etsi.org/19182/HttpHeaders`, pars `["digest"]`), i.e. a signature
 * over the Digest header instead of the body. The DDAS contract lists no `sigD`, its reference
 * validator would reject one it does not know, and it says the signature is over the body. If CBS
 * ever asks for the sigD form, only `signDelivery` changes (payload `digest: SHA-256=…`, `b64: false`,
 * `crit`); the signers stay as they are.
 */

/**
 * The port to whatever holds the private key: KMS on AWS, a key in the data directory locally.
 * The use case builds the JWS itself, so every signer only has to sign bytes.
 */
export interface PayloadSigner {
  /** The `kid` of the protected header: which key, for the verifier's key management. */
  readonly kid: string;
  /** The certificate chain as base64 DER (not base64url), end-entity certificate first: the `x5c`. */
  readonly certificateChain: readonly string[];
  /**
   * RSASSA-PSS with SHA-256, MGF1 SHA-256 and a 32-byte salt (PS256, RFC 7518 §3.5) over the JWS
   * signing input, with the key of `certificateChain[0]`. Rejects rather than returning an empty
   * or partial signature.
   */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
}

export interface DeliverySignature {
  /** The value of the `Digest` header. */
  readonly digest: string;
  /** The value of the `nlgov-adr-payload-sig` header: `<protected>..<signature>`. */
  readonly payloadSignature: string;
}

/** The header names of the contract, so the handler cannot misspell them. */
export const DIGEST_HEADER = 'Digest';
export const PAYLOAD_SIGNATURE_HEADER = 'nlgov-adr-payload-sig';

/** RFC 3230 instance digest over exactly these bytes: `SHA-256=` and standard base64. */
export function digestHeader(body: Uint8Array): string {
  return `SHA-256=${createHash('sha256').update(body).digest('base64')}`;
}

/**
 * Both headers of one answer. `body` must be the bytes that go out, byte for byte: serialise once,
 * sign those bytes, send those bytes (a second JSON.stringify may differ). Either both values come
 * back or the promise rejects: a signer failure never leaves an answer with a digest and no signature.
 */
export async function signDelivery(body: Uint8Array, signer: PayloadSigner): Promise<DeliverySignature> {
  const certificate = signer.certificateChain[0];
  if (!signer.kid || !certificate) throw new Error('The DDAS signer has no kid or no certificate');
  const header = {
    alg: 'PS256',
    typ: 'JOSE',
    kid: signer.kid,
    x5c: [...signer.certificateChain],
    'x5t#S256': base64url.encode(createHash('sha256').update(Buffer.from(certificate, 'base64')).digest()),
  };
  const encodedHeader = base64url.encode(JSON.stringify(header));
  // RFC 7515 §5.1: ASCII(BASE64URL(header) '.' BASE64URL(payload)); the payload part is then left out
  // of the header value (appendix F) because the body carries it.
  const signingInput = new TextEncoder().encode(`${encodedHeader}.${base64url.encode(body)}`);
  const signature = await signer.sign(signingInput);
  if (signature.length === 0) throw new Error('The DDAS signer returned an empty signature');
  return {
    digest: digestHeader(body),
    payloadSignature: `${encodedHeader}..${base64url.encode(signature)}`,
  };
}

/**
 * PEM (one or more CERTIFICATE blocks, end-entity first) to the `x5c` form: base64 DER per
 * certificate. Each block is parsed, so a broken chain fails when the signer is made, not when CBS
 * tries to verify a month's delivery.
 */
export function certificateChainFromPem(pem: string): string[] {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) throw new Error('No certificate in the PEM text');
  return blocks.map(([block]) => new X509Certificate(block).raw.toString('base64'));
}
