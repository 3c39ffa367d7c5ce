/**
 * Captures everything written to stdout and stderr in this test worker — the handlers' Powertools
 * logs, the runtime's own output — so tests can prove no personal data reaches a log (DESIGN P2).
 * Output still goes through to the terminal.
 */
let captured = '';
let installed = false;

export function installLogCapture(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      return process.env.SHOW_HANDLER_LOGS ? write(chunk, ...rest) : true;
    }) as typeof stream.write;
  }
}

export function capturedLogs(): string {
  return captured;
}
