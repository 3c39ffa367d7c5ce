import type { ComponentChildren } from 'preact';
import { ApiError } from '../api.ts';
import { FLAG_LABELS } from '../labels.ts';
import { cx } from './cx.ts';

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/**
 * `utrecht-alert`. `role="alert"` for errors that need attention now, `role="status"` for the
 * result of an action (Contactpoging vastgelegd.); none for a standing notice.
 */
export function Alert({
  type = 'info',
  role,
  heading,
  class: className,
  children,
}: {
  type?: AlertType;
  role?: 'alert' | 'status';
  /** Shown in bold above the message; a heading element only where the outline needs one. */
  heading?: ComponentChildren;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={cx('utrecht-alert', `utrecht-alert--${type}`, className)}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message" role={role}>
          {heading && (
            <p class="utrecht-paragraph">
              <strong>{heading}</strong>
            </p>
          )}
          {children}
        </div>
      </div>
    </div>
  );
}

/** An error from the API, in Dutch, with its field details; announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Alert type="error" role="alert">
      <p class="utrecht-paragraph">{error instanceof Error ? error.message : 'Er ging iets mis.'}</p>
      {apiError && apiError.details.length > 0 && (
        <ul class="utrecht-unordered-list">
          {apiError.details.map((detail) => (
            <li key={`${detail.field}-${detail.code}`} class="utrecht-unordered-list__item">
              <strong>{detail.field}</strong>: {detail.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function Loading() {
  return (
    <p class="utrecht-paragraph" role="status">
      Laden…
    </p>
  );
}

/** The statuses `utrecht-status-badge` has a colour for. */
export type Status =
  | 'danger'
  | 'warning'
  | 'safe'
  | 'neutral'
  | 'valid'
  | 'invalid'
  | 'error'
  | 'success'
  | 'active'
  | 'inactive';

/** `utrecht-status-badge`: the state of something (Over de termijn, Afgewezen, Niveau 2). */
export function StatusBadge({
  status = 'neutral',
  children,
}: {
  status?: Status;
  children: ComponentChildren;
}) {
  return <span class={cx('utrecht-status-badge', `utrecht-status-badge--${status}`)}>{children}</span>;
}

/** `utrecht-data-badge`: a property of something (a flag such as Meervoudig), not a state. */
export function DataBadge({ children }: { children: ComponentChildren }) {
  return <span class="utrecht-data-badge">{children}</span>;
}

const TONE_STATUS: Readonly<Record<string, Status>> = {
  neutral: 'neutral',
  warning: 'warning',
  danger: 'danger',
  info: 'active',
  success: 'safe',
};

/** The earlier badge API (tone), drawn as a Utrecht status badge. New code: StatusBadge. */
export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'warning' | 'danger' | 'info' | 'success';
  children: ComponentChildren;
}) {
  return <StatusBadge status={TONE_STATUS[tone]}>{children}</StatusBadge>;
}

/** Flags that ask the team to check where the household belongs (DESIGN R6). */
const WARNING_FLAGS = new Set(['buiten-werkgebied', 'grensgebied']);

/** A signal's flags as badges: dreigend as danger, where the household belongs as warning. */
export function Flags({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <span>—</span>;
  return (
    <span class="utrecht-badge-list">
      {flags.map((flag) =>
        flag === 'dreigend' || WARNING_FLAGS.has(flag) ? (
          <StatusBadge key={flag} status={flag === 'dreigend' ? 'danger' : 'warning'}>
            {FLAG_LABELS[flag] ?? flag}
          </StatusBadge>
        ) : (
          <DataBadge key={flag}>{FLAG_LABELS[flag] ?? flag}</DataBadge>
        ),
      )}
    </span>
  );
}
