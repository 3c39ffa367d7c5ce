import type { ComponentChildren, HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'preact';
import { cx, type WithClass } from './cx.ts';

type Children = { children: ComponentChildren };

/**
 * A table that scrolls sideways on narrow screens in its own region, reachable with the keyboard
 * (`utrecht-table-container--overflow-inline` shows a shadow where more columns are).
 */
export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <section
      class="utrecht-table-container utrecht-table-container--overflow-inline"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
      {children}
    </section>
  );
}

/**
 * `utrecht-table` with its caption: every table says what it lists; `captionHidden` keeps the
 * caption for screen readers only, where a heading right above already says it.
 */
export function Table({
  caption,
  captionHidden,
  class: className,
  children,
  ...rest
}: WithClass<HTMLAttributes<HTMLTableElement>> &
  Children & { caption: ComponentChildren; captionHidden?: boolean }) {
  return (
    <table {...rest} class={cx('utrecht-table', 'utrecht-table--html-table', className)}>
      <caption class={cx('utrecht-table__caption', captionHidden && 'visually-hidden')}>{caption}</caption>
      {children}
    </table>
  );
}

export function TableHeader({ children }: Children) {
  return <thead class="utrecht-table__header">{children}</thead>;
}

export function TableBody({ children }: Children) {
  return <tbody class="utrecht-table__body">{children}</tbody>;
}

/** `utrecht-table__row`; `class` adds a row state of the page (for example `app-row--attention`). */
export function TableRow({
  class: className,
  children,
  ...rest
}: WithClass<HTMLAttributes<HTMLTableRowElement>> & Children) {
  return (
    <tr {...rest} class={cx('utrecht-table__row', className)}>
      {children}
    </tr>
  );
}

/** A column header (`scope="col"` unless given); `numeric` right-aligns a column of numbers. */
export function TableHeaderCell({
  numeric,
  scope = 'col',
  class: className,
  children,
  ...rest
}: WithClass<ThHTMLAttributes<HTMLTableCellElement>> & Children & { numeric?: boolean }) {
  return (
    <th
      {...rest}
      scope={scope}
      class={cx(
        'utrecht-table__header-cell',
        numeric && 'utrecht-table__header-cell--numeric-column',
        className,
      )}
    >
      {children}
    </th>
  );
}

export function TableCell({
  numeric,
  class: className,
  children,
  ...rest
}: WithClass<TdHTMLAttributes<HTMLTableCellElement>> & Children & { numeric?: boolean }) {
  return (
    <td
      {...rest}
      class={cx(
        'utrecht-table__cell',
        numeric && 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data',
        className,
      )}
    >
      {children}
    </td>
  );
}
