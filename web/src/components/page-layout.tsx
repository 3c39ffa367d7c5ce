import type { ComponentChildren, Ref } from 'preact';
import { cx } from './cx.ts';

/** The app's own pages in the footer: help, the privacy statement and who to contact. */
export const FOOTER_LINKS: readonly { href: string; label: string }[] = [
  { href: '/hulp', label: 'Hulp' },
  { href: '/privacy', label: 'Privacyverklaring' },
  { href: '/contact', label: 'Contact' },
];

/**
 * A skip link (`utrecht-skip-link`), visible when it has the focus. A button, not an anchor: the
 * hash belongs to the router.
 */
export function SkipLink({ onSkip }: { onSkip: () => void }) {
  return (
    <button
      type="button"
      class="utrecht-skip-link utrecht-skip-link--visible-on-focus app-skip-link"
      onClick={onSkip}
    >
      Naar de inhoud
    </button>
  );
}

/** `utrecht-page-header` with its centred content. */
export function PageHeader({ children }: { children: ComponentChildren }) {
  return (
    <header class="utrecht-page-header">
      <div class="utrecht-page-header__content">{children}</div>
    </header>
  );
}

/** `utrecht-page-body` and `utrecht-page-content`: the page's `<main>`, focusable for the skip link. */
export function PageBody({ mainRef, children }: { mainRef: Ref<HTMLElement>; children: ComponentChildren }) {
  return (
    <div class="utrecht-page-body">
      <div class="utrecht-page-body__content">
        <main id="main" class="utrecht-page-content app-main" tabIndex={-1} ref={mainRef}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** `utrecht-page-footer`: who runs the service and the links to help, privacy and contact. */
export function PageFooter({ route }: { route: string }) {
  return (
    <footer class="utrecht-page-footer">
      <div class="utrecht-page-footer__content app-footer">
        <p class="utrecht-paragraph">
          <strong>Buurtsignaal</strong> — vroegsignalen voor de Buurtteams Utrecht, in opdracht van de
          Gemeente Utrecht.
        </p>
        <nav aria-label="Over Buurtsignaal">
          <ul class="utrecht-link-list utrecht-link-list--html-ul app-footer__links">
            {FOOTER_LINKS.map((link) => (
              <li key={link.href} class="utrecht-link-list__item">
                <a
                  class={cx('utrecht-link', 'utrecht-link--html-a', 'utrecht-link-list__link')}
                  href={`#${link.href}`}
                  aria-current={route === link.href ? 'page' : undefined}
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
