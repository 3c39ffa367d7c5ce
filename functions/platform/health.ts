import { runtimeClock } from '../../shared/adapters/runtime-clock.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { formatAmsterdam } from '../../shared/domain/amsterdam-time.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

/**
 * `GET /health` — no token, no dependencies: says the function runs (API.md). `now` is the service's
 * clock, so the web app counts days left from the same moment as the API (locally: the test clock).
 */
export const handler = apiHandler(OPERATIONS.health, async () =>
  jsonResponse(200, { status: 'ok', now: formatAmsterdam(runtimeClock.now()) }),
);
