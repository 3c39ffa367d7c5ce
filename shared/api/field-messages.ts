// Dutch field messages shared by the zod schemas and the CSV reader, which the web app's
// rejected-rows download also runs: no zod here, nothing that pulls a dependency into the browser.

/** DESIGN I2/I3: a control character, a NUL or an undecodable byte in a field: the same message everywhere. */
export const invalidCharactersMessage = (label: string) =>
  `${label} bevat ongeldige tekens (zoals een stuurteken, een NUL-teken of een onleesbaar teken).`;
