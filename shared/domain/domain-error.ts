export type DomainErrorKind = 'invalid' | 'conflict' | 'not-found' | 'forbidden';

/**
 * A business rule said no. Carries a kebab-case code and a Dutch message for the user; the HTTP
 * layer maps `kind` to a status (invalid → 422, conflict → 409, not-found → 404, forbidden → 403)
 * without the domain or the use cases knowing HTTP.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly field?: string | undefined;

  constructor(kind: DomainErrorKind, code: string, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = field;
  }
}
