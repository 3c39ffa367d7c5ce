import { useEffect, useState } from 'preact/hooks';

/** The hash route, e.g. `#/signals/sig_123` → `/signals/sig_123`. */
export function currentRoute(): string {
  return location.hash.replace(/^#/, '') || '/';
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute());
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: string): void {
  location.hash = route;
}
