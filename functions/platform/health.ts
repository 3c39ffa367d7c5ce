import { OPERATIONS } from '../../shared/api/operations.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

/** `GET /health` — no token, no dependencies: says the function runs (API.md). */
export const handler = apiHandler(OPERATIONS.health, async () => jsonResponse(200, { status: 'ok' }));
