import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Principal } from '../../shared/auth/principal.ts';
import { BRP_FAULTS, type BrpFault } from './brp-stand-in.ts';
import { readBody, sendJson } from './http-gateway.ts';
import type { ScheduleRun } from './local-runtime.ts';
import type { TestClock } from './test-clock.ts';

export interface LocalControls {
  readonly clock: TestClock;
  drain(timeoutMs?: number): Promise<number>;
  sweep(): Promise<ScheduleRun>;
  outbox(): Promise<Record<string, unknown>[]>;
  setNotifierOutage(outage: boolean): void;
  setBrpFault(fault: BrpFault): boolean;
}

function error(response: ServerResponse, status: number, code: string, message: string): true {
  sendJson(response, status, { error: { code, message } });
  return true;
}

async function jsonBody(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request);
  if (body === 'too-large' || body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

async function setClock(
  request: IncomingMessage,
  response: ServerResponse,
  controls: LocalControls,
): Promise<true> {
  const body = (await jsonBody(request)) as { now?: unknown; mode?: unknown } | undefined;
  if (body?.now === null) {
    controls.clock.reset();
    sendJson(response, 200, controls.clock.describe());
    return true;
  }
  const instant =
    typeof body?.now === 'string' && /[zZ]|[+-]\d\d:\d\d$/.test(body.now) ? new Date(body.now) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    return error(
      response,
      422,
      'invalid-clock',
      'Geef "now" als ISO 8601-tijdstip met tijdzone, of null voor de echte tijd.',
    );
  }
  const mode = body?.mode === 'running' ? 'running' : 'frozen';
  controls.clock.set(instant, mode);
  // API.md: setting the clock runs the sweep (and waits for its escalations to be handled).
  sendJson(response, 200, { ...controls.clock.describe(), ...(await controls.sweep()) });
  return true;
}

/** Issue 16 fault injection: `{"fault": "down"}` makes the BRP stand-in fail that way until `none`. */
async function setBrpFault(
  request: IncomingMessage,
  response: ServerResponse,
  controls: LocalControls,
): Promise<true> {
  const body = (await jsonBody(request)) as { fault?: unknown } | undefined;
  const fault = BRP_FAULTS.find((each) => each === body?.fault);
  if (!fault)
    return error(response, 422, 'invalid-fault', `Geef {"fault": …} met een van: ${BRP_FAULTS.join(', ')}.`);
  if (!controls.setBrpFault(fault))
    return error(response, 409, 'no-brp-stand-in', 'Deze runtime draait zonder BRP-stand-in.');
  sendJson(response, 200, { fault });
  return true;
}

/**
 * The local-only routes of API.md (`/_local/…`), never deployed. Admin token required, except to read
 * the test clock: the web app shows every user, signed in or not, that the time stands still (issue 15
 * build 5), and the time is no secret. Returns false when the path is not one of them.
 */
export async function handleLocalRoute(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  principal: Principal | undefined,
  controls: LocalControls,
): Promise<boolean> {
  if (!url.pathname.startsWith('/_local/')) return false;
  const key = `${request.method} ${url.pathname}`;
  const known = [
    'GET /_local/clock',
    'POST /_local/clock',
    'POST /_local/drain',
    'POST /_local/sweep',
    'GET /_local/outbox',
    'POST /_local/notifier',
    'POST /_local/brp',
  ];
  if (!known.includes(key)) return false;
  if (key === 'GET /_local/clock') {
    sendJson(response, 200, controls.clock.describe());
    return true;
  }
  if (!principal)
    return error(response, 401, 'unauthorized', 'Niet aangemeld: gebruik het admin-token (dev-admin).');
  if (principal.role !== 'admin')
    return error(response, 403, 'forbidden', 'Alleen het admin-token mag de lokale besturing gebruiken.');

  switch (key) {
    case 'POST /_local/clock':
      return setClock(request, response, controls);
    case 'POST /_local/sweep':
      sendJson(response, 200, await controls.sweep());
      return true;
    case 'GET /_local/outbox':
      sendJson(response, 200, { items: await controls.outbox() });
      return true;
    case 'POST /_local/notifier': {
      // Local fault injection: `{"outage": true}` makes every notification fail until switched off.
      const body = (await jsonBody(request)) as { outage?: unknown } | undefined;
      if (typeof body?.outage !== 'boolean') {
        return error(response, 422, 'invalid-outage', 'Geef {"outage": true} of {"outage": false}.');
      }
      controls.setNotifierOutage(body.outage);
      sendJson(response, 200, { outage: body.outage });
      return true;
    }
    case 'POST /_local/brp':
      return setBrpFault(request, response, controls);
    default: {
      const timeout = Number(url.searchParams.get('timeoutMs') ?? 120_000);
      try {
        sendJson(response, 200, { processed: await controls.drain(timeout) });
      } catch {
        error(response, 503, 'drain-timeout', 'De wachtrijen werden niet leeg binnen de wachttijd.');
      }
      return true;
    }
  }
}
