import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';

/**
 * Dutch form validation (issue 15, item 6): every form has `noValidate`, so the browser never shows
 * its own (English, in an English browser) bubbles; the form checks its fields itself on submit
 * and shows Dutch messages at the fields and in an ErrorSummary above the form.
 *
 *   const form = useFormErrors();
 *   const submit = (event: Event) => {
 *     event.preventDefault();
 *     if (!form.check({ 'reroute-team': required(teamId, 'Kies een team.') })) return;
 *     …
 *   };
 *   <form noValidate onSubmit={submit}>
 *     <ErrorSummary errors={form.errors} ref={form.summary} />
 *     <SelectField id="reroute-team" error={form.errors['reroute-team']} … />
 *
 * Keys are the ids of the fields (the summary links to them). Controls get no `required`,
 * `pattern`, `min` or `max`: those would show the browser's messages or mark an empty field red
 * before anyone typed; say "(niet verplicht)" in the label of the optional fields instead.
 */

/** Field id → its Dutch message, in the order of the form. */
export type FieldErrors = Readonly<Record<string, string>>;

/** A field's check: its Dutch message when the value is wrong, undefined when it is right. */
export type Check = string | undefined;

/** The value is missing (empty, or only spaces). Message: "Kies …" for a choice, "Vul … in" for text. */
export function required(value: string | undefined | null, message: string): Check {
  return value === undefined || value === null || value.trim() === '' ? message : undefined;
}

/** The text is longer than `max` characters, with the count in the message. */
export function maxLength(value: string, max: number, label: string): Check {
  return value.length > max
    ? `${label} mag niet langer zijn dan ${max.toLocaleString('nl-NL')} tekens (nu ${value.length.toLocaleString('nl-NL')}).`
    : undefined;
}

/** The first message of several checks of one field, in order. */
export function first(...checks: readonly Check[]): Check {
  return checks.find((check) => check !== undefined);
}

/**
 * The field errors of an API answer (422 with `details`), on the fields of this form: `fields` maps
 * the API's field names to the ids of the form's fields. Details of other fields are left to
 * ErrorMessage, which lists all of them.
 */
export function apiFieldErrors(error: unknown, fields: Readonly<Record<string, string>>): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: Record<string, string> = {};
  for (const detail of error.details) {
    const id = fields[detail.field];
    if (id && !errors[id]) errors[id] = detail.message;
  }
  return errors;
}

/**
 * The errors of one form. `check` runs the checks of a submit: with errors it shows them and moves
 * the focus to the ErrorSummary (which names them, linked to the fields) and answers false. A field
 * that is corrected keeps its message until the next submit, so nothing jumps while typing.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && Object.keys(errors).length > 0) summary.current?.focus();
  }, [attempt]);

  /** Shows these errors (from the checks or the API) and focuses the summary; true when there are none. */
  const show = (found: FieldErrors): boolean => {
    setErrors(found);
    setAttempt((count) => count + 1);
    return Object.keys(found).length === 0;
  };

  return {
    errors,
    summary,
    /** Runs the checks (field id → check); answers whether the form may be sent. */
    check(checks: Readonly<Record<string, Check>>): boolean {
      const found: Record<string, string> = {};
      for (const [id, message] of Object.entries(checks)) if (message) found[id] = message;
      return show(found);
    },
    show,
    clear: () => setErrors({}),
  };
}
