/**
 * An error's code for logs and failure records: the SDK's or our own `code`, else its class name
 * (e.g. ValidationException). Never the message, which may quote the data (DESIGN P2).
 */
export function errorCodeOf(error: unknown): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (typeof code === 'string' && /^[\w.-]{1,100}$/.test(code)) return code;
  return typeof name === 'string' && name ? name : 'Error';
}
