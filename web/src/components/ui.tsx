import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.ts';
import { FLAG_LABELS } from '../labels.ts';

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'warning' | 'danger' | 'info' | 'success';
  children: ComponentChildren;
}) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

/** Flags that ask the team to check where the household belongs (DESIGN R6). */
const WARNING_FLAGS = new Set(['buiten-werkgebied', 'grensgebied']);

export function Flags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <span class="muted">—</span>;
  return (
    <span class="badges">
      {flags.map((flag) => (
        <Badge
          key={flag}
          tone={flag === 'dreigend' ? 'danger' : WARNING_FLAGS.has(flag) ? 'warning' : 'info'}
        >
          {FLAG_LABELS[flag] ?? flag}
        </Badge>
      ))}
    </span>
  );
}

/** An error from the API, in Dutch, with its field details; announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <div class="alert alert-error" role="alert">
      <p>{error instanceof Error ? error.message : 'Er ging iets mis.'}</p>
      {apiError && apiError.details.length > 0 && (
        <ul>
          {apiError.details.map((detail) => (
            <li key={`${detail.field}-${detail.code}`}>
              <strong>{detail.field}</strong>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      Laden…
    </p>
  );
}

/** A table that scrolls sideways on narrow screens, and can be scrolled with the keyboard. */
export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/** A labelled choice with a "Kies …" placeholder that must be replaced before the form submits. */
export function SelectField({
  id,
  label,
  placeholder,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  options: readonly { readonly value: string; readonly label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)} required>
        <option value="">{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </>
  );
}
