import type { ComponentChildren } from 'preact';
import { cx } from './cx.ts';

/**
 * `utrecht-data-list`: facts about one thing (a signal's person and address, its deadline) as
 * label and value. `rows` puts each label beside its value with a line between the rows.
 */
export function DataList({ appearance, children }: { appearance?: 'rows'; children: ComponentChildren }) {
  return (
    <dl class={cx('utrecht-data-list', appearance === 'rows' && 'utrecht-data-list--rows')}>{children}</dl>
  );
}

/** One fact: its label (`dt`) and value (`dd`); `multiline` keeps the value's line breaks. */
export function DataListItem({
  label,
  multiline,
  children,
}: {
  label: ComponentChildren;
  multiline?: boolean;
  children: ComponentChildren;
}) {
  return (
    <div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">{label}</dt>
      <dd
        class={cx(
          'utrecht-data-list__item-value',
          'utrecht-data-list__item-value--html-dd',
          multiline && 'utrecht-data-list__item-value--multiline',
        )}
      >
        {children}
      </dd>
    </div>
  );
}
