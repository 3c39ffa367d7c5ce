import type { ButtonHTMLAttributes, ComponentChildren, HTMLAttributes } from 'preact';
import { cx, type WithClass } from './cx.ts';

type ButtonProps = WithClass<ButtonHTMLAttributes<HTMLButtonElement>> & {
  /**
   * `primary-action`: the one main action of a form or page (Versturen, Vastleggen);
   * `secondary-action` (default): other actions; `subtle`: a minor action.
   */
  appearance?: 'primary-action' | 'secondary-action' | 'subtle';
  /** `danger` for an action that cannot be undone (Afsluiten in a confirmation). */
  hint?: 'danger' | 'warning' | 'ready';
  /** Busy with what the button started: `aria-busy`, and the button stays focusable. */
  busy?: boolean;
  children: ComponentChildren;
};

/** `utrecht-button`. `type` is `button` unless given: a form's submit button says `type="submit"`. */
export function Button({
  appearance = 'secondary-action',
  hint,
  busy,
  type = 'button',
  class: className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      aria-busy={busy || undefined}
      class={cx(
        'utrecht-button',
        `utrecht-button--${appearance}`,
        hint && `utrecht-button--${hint}`,
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        className,
      )}
    >
      {children}
    </button>
  );
}

/** `utrecht-link-button`: a button that looks like a link (Afmelden, a minor action in a text). */
export function LinkButton({
  inline,
  class: className,
  children,
  ...rest
}: WithClass<ButtonHTMLAttributes<HTMLButtonElement>> & { inline?: boolean; children: ComponentChildren }) {
  return (
    <button
      type="button"
      {...rest}
      class={cx(
        'utrecht-link-button',
        'utrecht-link-button--html-button',
        inline && 'utrecht-link-button--inline',
        className,
      )}
    >
      {children}
    </button>
  );
}

/** `utrecht-button-group`: the actions of a form or section, side by side. */
export function ButtonGroup({
  class: className,
  children,
  ...rest
}: WithClass<HTMLAttributes<HTMLDivElement>> & { children: ComponentChildren }) {
  return (
    <div {...rest} class={cx('utrecht-button-group', 'utrecht-button-group--distanced', className)}>
      {children}
    </div>
  );
}
