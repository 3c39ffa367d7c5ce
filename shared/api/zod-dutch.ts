import * as z from 'zod';
import nl from 'zod/v4/locales/nl.js';

// Generic validation messages in Dutch; schemas override them where a clearer message helps.
// Modules that define schemas import this file for that effect. Everything imports zod itself as
// `* as z` (never re-exported), so the bundler can leave zod's other locales out of the Lambdas.
z.config(nl());

/** A field-level validation error as the API returns it (API.md `error.details`). */
export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Zod issue → API detail. The path becomes a dotted field name (`address.postcode`, `categories.1`). */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    code: issueCode(issue),
    message: issue.message,
  }));
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') return issue.params.code;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  return issue.code.replaceAll('_', '-');
}
