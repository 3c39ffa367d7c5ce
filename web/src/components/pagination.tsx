import { useEffect, useRef } from 'preact/hooks';
import { pageItems } from '../paging.ts';
import { cx } from './cx.ts';

/**
 * `utrecht-pagination`: Vorige, the page numbers around the current one (1 … 4 5 6 … 600) and
 * Volgende, for a list shown a page at a time. Buttons, not links: the page of a table is the page's
 * own state, not a route. The current page is `aria-current="page"`. There is no Vorige on the
 * first page and no Volgende on the last (Utrecht's theme has no disabled look for them); when the
 * one pressed goes, the focus moves to the current page's number instead of being lost — unless `onPage` moves the focus itself (`keepFocus={false}`, a
 * pagination under a long table that takes the reader back to its top). Nothing is shown for a
 * single page.
 */
export function Pagination({
  label,
  page,
  pages,
  onPage,
  keepFocus = true,
}: {
  /** What is paged, for the navigation landmark: "Pagina's van het ontvangstbewijs". */
  label: string;
  page: number;
  pages: number;
  onPage: (page: number) => void;
  keepFocus?: boolean;
}) {
  const nav = useRef<HTMLElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    nav.current?.querySelector<HTMLButtonElement>('[aria-current="page"]')?.focus();
  }, [page]);
  if (pages <= 1) return null;
  const go = (to: number) => {
    refocus.current = keepFocus && (to === 1 || to === pages);
    onPage(to);
  };
  const relative = (to: number, rel: 'prev' | 'next', text: string) =>
    to >= 1 &&
    to <= pages && (
      <button
        type="button"
        class={cx('utrecht-pagination__relative-link', `utrecht-pagination__relative-link--${rel}`)}
        onClick={() => go(to)}
      >
        {text}
      </button>
    );
  return (
    <nav ref={nav} class="utrecht-pagination utrecht-pagination--distanced" aria-label={label}>
      <span class="utrecht-pagination__before">{relative(page - 1, 'prev', 'Vorige')}</span>
      <span class="utrecht-pagination__pages">
        {pageItems(page, pages).map((item, position) =>
          item === 'gap' ? (
            <span key={`gap-${position}`} class="utrecht-pagination__page-gap" aria-hidden="true">
              …
            </span>
          ) : (
            <button
              key={item}
              type="button"
              class={cx(
                'utrecht-pagination__page-link',
                item === page && 'utrecht-pagination__page-link--current',
              )}
              aria-current={item === page ? 'page' : undefined}
              aria-label={`Pagina ${item.toLocaleString('nl-NL')}`}
              onClick={() => go(item)}
            >
              {item.toLocaleString('nl-NL')}
            </button>
          ),
        )}
      </span>
      <span class="utrecht-pagination__after">{relative(page + 1, 'next', 'Volgende')}</span>
    </nav>
  );
}
