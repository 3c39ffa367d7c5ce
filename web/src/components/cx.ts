/** Class names joined with spaces; false, null and undefined parts are left out. */
export function cx(...parts: readonly (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}

/**
 * An element's attributes with `class` as a plain string, added to the component's own classes
 * (Preact also allows signals and `className`; the components here take neither). No `role`: a
 * component is its element with its role.
 */
export type WithClass<Attributes> = Omit<Attributes, 'class' | 'className' | 'role'> & { class?: string };
