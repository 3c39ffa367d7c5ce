/** Opaque, unguessable ids (API.md): `sig_` + 128 random bits. */
export function newSignalId(): string {
  return `sig_${crypto.randomUUID().replaceAll('-', '')}`;
}
