/** Opaque, unguessable ids (API.md): `sig_` + 128 random bits. */
export function newSignalId(): string {
  return `sig_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** Opaque upload ids (API.md): `upl_` + 128 random bits. */
export function newUploadId(): string {
  return `upl_${crypto.randomUUID().replaceAll('-', '')}`;
}
