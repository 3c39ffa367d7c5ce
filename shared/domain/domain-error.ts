export type DomainErrorKind = 'invalid' | 'conflict' | 'not-found' | 'forbidden';

/** One field that broke a rule, as the API reports it (`error.details`, API.md). */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/**
 * A business rule said no. Carries a kebab-case code and a Dutch message for the user; the HTTP
 * layer maps `kind` to a status (invalid → 422, conflict → 409, not-found → 404, forbidden → 403)
 * without the domain or the use cases knowing HTTP.
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly field?: string | undefined;
  /** Several fields at once; the HTTP layer reports them as the schema's field errors are reported. */
  readonly details?: readonly FieldProblem[] | undefined;

  constructor(
    kind: DomainErrorKind,
    code: string,
    message: string,
    field?: string,
    details?: readonly FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.field = field;
    this.details = details;
  }

  /**
   * Fields that passed the schema but break a rule it cannot check (one that needs "now"): the same
   * 422 `validation-failed` with details as a schema error, so a client handles both alike.
   */
  static invalidFields(details: readonly FieldProblem[]): DomainError {
    return new DomainError(
      'invalid',
      'validation-failed',
      'De invoer is niet geldig; zie de fouten per veld.',
      undefined,
      details,
    );
  }
}
