/** `signals-dlq` → `SignalsDlq`: construct ids derived from the kebab-case names in shared/. */
export function pascalCase(value: string): string {
  return value.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
