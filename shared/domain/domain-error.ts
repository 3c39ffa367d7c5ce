/**
 * A business rule said no. Carries a kebab-case code and a Dutch message for the user; the HTTP
 * layer maps `kind` to a status (invalid → 422, conflict → 409) without the domain knowing HTTP.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: 'invalid' | 'conflict';
  readonly field?: string | undefined;

  constructor(kind: 'invalid' | 'conflict', code: string, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = field;
  }
}
