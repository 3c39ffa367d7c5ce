import { buildOpenApiDocument } from '../../shared/api/openapi.ts';
import * as OPERATIONS from '../../shared/api/operation-definitions.ts';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { jsonResponse } from '../../shared/http/http-error.ts';

// Built once per instance: the document only changes with a deploy.
const document = buildOpenApiDocument();

/** `GET /openapi.json` — the contract, generated from the handlers' zod schemas. */
export const handler = apiHandler(OPERATIONS.openApi, async () => jsonResponse(200, document));
