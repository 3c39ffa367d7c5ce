import type { ComponentChildren } from 'preact';
import type { DateTimeValue } from '../dutch-time.ts';
import { cx } from './cx.ts';
import { Textbox } from './form.tsx';

/**
 * A moment entered the Dutch way in any browser (issue 15 build 6): a date `dd-mm-jjjj` and a time
 * `uu:mm` in two Utrecht textboxes, read on the Amsterdam clock by parseDutchDateTime. A native
 * `datetime-local` follows the browser's locale (mm/dd/yyyy and AM/PM in an English browser) and
 * its own English validation; this one has neither. Ids: `${id}-date` and `${id}-time`, so an
 * ErrorSummary links to the part that is wrong (see checkDateTime).
 */

export function DateTimeField({
  id,
  legend,
  description = 'Datum als dag-maand-jaar en tijd als uu:mm, bijvoorbeeld 01-12-2026 en 09:30.',
  errors,
  value,
  onChange,
}: {
  id: string;
  legend: ComponentChildren;
  description?: ComponentChildren;
  /** The form's errors; this field shows those of `${id}-date` and `${id}-time`. */
  errors: Readonly<Record<string, string>>;
  value: DateTimeValue;
  onChange: (value: DateTimeValue) => void;
}) {
  const dateError = errors[`${id}-date`];
  const timeError = errors[`${id}-time`];
  const error = dateError ?? timeError;
  const describedBy = cx(`${id}-description`, error ? `${id}-error` : undefined);
  const part = (name: 'date' | 'time', label: string, placeholder: string, invalid: boolean) => (
    <div class="utrecht-form-field date-time-field__part">
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={`${id}-${name}`}>
          {label}
        </label>
      </div>
      <div class="utrecht-form-field__input">
        <Textbox
          id={`${id}-${name}`}
          value={value[name]}
          placeholder={placeholder}
          inputMode="numeric"
          autoComplete="off"
          size={name === 'date' ? 10 : 5}
          invalid={invalid}
          aria-describedby={describedBy}
          {...(invalid ? { 'aria-invalid': 'true' as const } : {})}
          onInput={(event) => onChange({ ...value, [name]: event.currentTarget.value })}
        />
      </div>
    </div>
  );
  return (
    <div
      class={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
      )}
    >
      <fieldset class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        <div id={`${id}-description`} class="utrecht-form-field-description utrecht-form-field__description">
          {description}
        </div>
        {error && (
          <p id={`${id}-error`} class="utrecht-form-field-error-message utrecht-form-field__error-message">
            {error}
          </p>
        )}
        <div class="date-time-field">
          {part('date', 'Datum', 'dd-mm-jjjj', Boolean(dateError))}
          {part('time', 'Tijd', 'uu:mm', Boolean(timeError))}
        </div>
      </fieldset>
    </div>
  );
}
