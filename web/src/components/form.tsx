import type {
  ComponentChildren,
  InputHTMLAttributes,
  PartialInputHTMLAttributes,
  PartialSelectHTMLAttributes,
  Ref,
  TextareaHTMLAttributes,
} from 'preact';
import type { FieldErrors } from '../validation.ts';
import { cx, type WithClass } from './cx.ts';

/**
 * Form fields of the Utrecht design system with the app's Dutch validation (web/src/validation.ts):
 * a label, an optional description, the error message under it, and the control, which gets
 * `aria-describedby` (description and error) and `aria-invalid` from the field. Ids: the control
 * has the field's `id`; the description `${id}-description`; the error `${id}-error`.
 */

/** What the field hands its control. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
  invalid: boolean;
}

interface FieldProps {
  id: string;
  label: ComponentChildren;
  /** Help under the label: what to fill in, a format, what happens next. */
  description?: ComponentChildren;
  /** The Dutch error message of this field (useFormErrors().errors[id]). */
  error?: string;
}

function controlProps({ id, description, error }: FieldProps): ControlProps {
  const describedBy = cx(description ? `${id}-description` : undefined, error ? `${id}-error` : undefined);
  return {
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(error ? { 'aria-invalid': 'true' as const } : {}),
    invalid: Boolean(error),
  };
}

function Description({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div id={`${id}-description`} class="utrecht-form-field-description utrecht-form-field__description">
      {children}
    </div>
  );
}

function FieldError({ id, error }: { id: string; error: string }) {
  return (
    <p id={`${id}-error`} class="utrecht-form-field-error-message utrecht-form-field__error-message">
      {error}
    </p>
  );
}

/**
 * `utrecht-form-field` around any control: `children` renders the control with the props it is
 * given (spread them onto the input). For a textbox, select or textarea use the fields below.
 */
export function FormField({
  children,
  ...field
}: FieldProps & { children: (control: ControlProps) => ComponentChildren }) {
  const { id, label, description, error } = field;
  return (
    <div
      class={cx(
        'utrecht-form-field',
        'utrecht-form-field--distanced',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
        </label>
      </div>
      {description && <Description id={id}>{description}</Description>}
      {error && <FieldError id={id} error={error} />}
      <div class="utrecht-form-field__input">{children(controlProps(field))}</div>
    </div>
  );
}

type Control<Attributes> = WithClass<Omit<Attributes, 'required' | 'pattern' | 'min' | 'max'>> & {
  invalid?: boolean;
};

type TextboxProps = Control<Omit<PartialInputHTMLAttributes<HTMLInputElement>, 'type'>> & {
  type?: 'text' | 'search' | 'email' | 'tel' | 'url' | 'number' | 'password';
};

/** `utrecht-textbox`: an input of type text (the default), search, email, tel, url, number or password. */
export function Textbox({ invalid, class: className, type = 'text', ...rest }: TextboxProps) {
  const attributes = {
    ...rest,
    type,
    class: cx(
      'utrecht-textbox',
      'utrecht-textbox--html-input',
      invalid && 'utrecht-textbox--invalid',
      className,
    ),
  };
  // Preact types an input's attributes as a union per `type` (which roles it may have); `type` is one
  // of the textbox types here and `role` is not accepted, so the attributes fit the union's textbox part.
  return <input {...(attributes as InputHTMLAttributes<HTMLInputElement>)} />;
}

/** `utrecht-textarea`. */
export function Textarea({
  invalid,
  class: className,
  ...rest
}: Control<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <textarea
      {...rest}
      class={cx(
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        invalid && 'utrecht-textarea--invalid',
        className,
      )}
    />
  );
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** `utrecht-select`; with a `placeholder` the first option is "Kies …" with the value "". */
export function Select({
  invalid,
  placeholder,
  options,
  class: className,
  ...rest
}: Control<PartialSelectHTMLAttributes<HTMLSelectElement>> & {
  placeholder?: string;
  options: readonly Option[];
}) {
  return (
    <select
      {...rest}
      class={cx(
        'utrecht-select',
        'utrecht-select--html-select',
        invalid && 'utrecht-select--invalid',
        className,
      )}
    >
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

type FieldOf<Attributes> = FieldProps & Omit<Control<Attributes>, 'id' | 'invalid'>;

/** A labelled text input. `onInput` gets the event; read `event.currentTarget.value`. */
export function TextboxField({
  id,
  label,
  description,
  error,
  ...input
}: FieldProps & Omit<TextboxProps, 'id' | 'invalid'>) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      {(control) => <Textbox {...input} {...control} />}
    </FormField>
  );
}

export function TextareaField({
  id,
  label,
  description,
  error,
  ...textarea
}: FieldOf<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      {(control) => <Textarea {...textarea} {...control} />}
    </FormField>
  );
}

/**
 * A labelled choice. With a `placeholder` ("Kies een team…") nothing is chosen until the user
 * does; check it with `required(value, 'Kies een team.')`.
 */
export function SelectField({
  id,
  label,
  description,
  error,
  placeholder,
  value,
  options,
  onChange,
}: FieldProps & {
  placeholder?: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  return (
    <FormField id={id} label={label} description={description} error={error}>
      {(control) => (
        <Select
          {...control}
          value={value}
          placeholder={placeholder}
          options={options}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </FormField>
  );
}

/** One checkbox with its label beside it (an attestation, a filter). */
export function CheckboxField({
  id,
  label,
  description,
  error,
  checked,
  onChange,
}: FieldProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const control = controlProps({ id, label, description, error });
  return (
    <div
      class={cx(
        'utrecht-form-field',
        'utrecht-form-field--distanced',
        'utrecht-form-field--checkbox',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
          {label}
        </label>
      </div>
      {description && <Description id={id}>{description}</Description>}
      {error && <FieldError id={id} error={error} />}
      <div class="utrecht-form-field__input">
        <input
          id={id}
          type="checkbox"
          class="utrecht-checkbox utrecht-checkbox--html-input"
          checked={checked}
          aria-describedby={control['aria-describedby']}
          aria-invalid={control['aria-invalid']}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      </div>
    </div>
  );
}

/**
 * A choice of a few options as radio buttons in a fieldset (`utrecht-form-fieldset`). No option
 * is chosen until the user does (value ""), so nobody sends a default by accident; the summary
 * links to the first option (`${id}-${first value}`), which is why `id` names the group.
 */
export function RadioGroupField({
  id,
  legend,
  description,
  error,
  name = id,
  value,
  options,
  onChange,
}: Omit<FieldProps, 'label'> & {
  legend: ComponentChildren;
  name?: string;
  value: string;
  options: readonly Option[];
  onChange: (value: string) => void;
}) {
  const describedBy = cx(description ? `${id}-description` : undefined, error ? `${id}-error` : undefined);
  return (
    <div
      class={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
      )}
    >
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={describedBy || undefined}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        {description && <Description id={id}>{description}</Description>}
        {error && <FieldError id={id} error={error} />}
        {options.map((option) => (
          <div key={option.value} class="utrecht-form-field utrecht-form-field--radio">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label utrecht-form-label--radio" for={`${id}-${option.value}`}>
                {option.label}
              </label>
            </div>
            <div class="utrecht-form-field__input">
              <input
                id={`${id}-${option.value}`}
                type="radio"
                name={name}
                value={option.value}
                class="utrecht-radio-button utrecht-radio-button--html-input"
                checked={value === option.value}
                aria-invalid={error ? 'true' : undefined}
                onChange={() => onChange(option.value)}
              />
            </div>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * What is wrong in the form, above it, after a submit: a Utrecht error alert with a link to each
 * field. It takes the focus (useFormErrors does that through `ref`), so a screen reader reads it
 * and the keyboard goes on from there. A link focuses its field without touching the hash, which
 * is the router's.
 */
export function ErrorSummary({
  errors,
  ref,
  title = 'Controleer de gegevens die u hebt ingevuld',
}: {
  errors: FieldErrors;
  ref?: Ref<HTMLDivElement>;
  title?: string;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} class="utrecht-alert utrecht-alert--error app-error-summary">
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role="alert">
          <p class="utrecht-paragraph">
            <strong>{title}</strong>
          </p>
          <ul class="utrecht-unordered-list">
            {entries.map(([id, message]) => (
              <li key={id} class="utrecht-unordered-list__item">
                <a
                  class="utrecht-link utrecht-link--html-a"
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(id);
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** The field with this id, or the first control inside it (a radio group's first option). */
function focusField(id: string) {
  const element = document.getElementById(id);
  const control =
    element && ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName)
      ? element
      : (document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}-"]:is(input, select, textarea)`) ??
        element);
  control?.focus();
}
