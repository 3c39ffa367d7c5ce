import type { ComponentChildren, HTMLAttributes, PartialAnchorHTMLAttributes } from 'preact';
import { cx, type WithClass } from './cx.ts';

type HeadingProps = WithClass<HTMLAttributes<HTMLHeadingElement>> & {
  /** The level in the document outline; the Utrecht style of the same level. */
  level: 1 | 2 | 3 | 4;
  children: ComponentChildren;
};

/** `utrecht-heading-1` … `utrecht-heading-4`, with the spacing of the design system. */
export function Heading({ level, class: className, children, ...rest }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag {...rest} class={cx(`utrecht-heading-${level}`, `utrecht-heading-${level}--distanced`, className)}>
      {children}
    </Tag>
  );
}

type ParagraphProps = WithClass<HTMLAttributes<HTMLParagraphElement>> & {
  /** An introduction under the page heading. */
  lead?: boolean;
  /** Secondary text: hints, counts, "nog niets". */
  small?: boolean;
  children: ComponentChildren;
};

/** `utrecht-paragraph`, optionally `--lead` or `--small`. */
export function Paragraph({ lead, small, class: className, children, ...rest }: ParagraphProps) {
  return (
    <p
      {...rest}
      class={cx(
        'utrecht-paragraph',
        lead && 'utrecht-paragraph--lead',
        small && 'utrecht-paragraph--small',
        className,
      )}
    >
      {children}
    </p>
  );
}

type LinkProps = WithClass<PartialAnchorHTMLAttributes<HTMLAnchorElement>> & {
  href: string;
  children: ComponentChildren;
};

/**
 * `utrecht-link`. App routes are hashes: `href="#/signals/…"`. Never a bare `#id` to jump within a
 * page: the router would take it for a route (ErrorSummary focuses its fields itself).
 */
export function Link({ class: className, children, ...rest }: LinkProps) {
  return (
    <a {...rest} class={cx('utrecht-link', 'utrecht-link--html-a', className)}>
      {children}
    </a>
  );
}

/** `utrecht-unordered-list` with its items: pass `<li class="utrecht-unordered-list__item">` or ListItem. */
export function UnorderedList({
  class: className,
  children,
  ...rest
}: WithClass<HTMLAttributes<HTMLUListElement>> & { children: ComponentChildren }) {
  return (
    <ul {...rest} class={cx('utrecht-unordered-list', 'utrecht-unordered-list--distanced', className)}>
      {children}
    </ul>
  );
}

export function ListItem({
  class: className,
  children,
  ...rest
}: WithClass<HTMLAttributes<HTMLLIElement>> & { children: ComponentChildren }) {
  return (
    <li {...rest} class={cx('utrecht-unordered-list__item', className)}>
      {children}
    </li>
  );
}
