import openapiTS, { astToString } from 'openapi-typescript';

/**
 * TypeScript types (`paths`, `components`, `operations`) for an OpenAPI document, as a client
 * generates them with `npx openapi-typescript <url>/openapi.json --default-non-nullable=false`.
 * That option keeps a request field with a default (`urgent`, `limit`) optional for the sender.
 */
export async function openApiTypes(document: Record<string, unknown>): Promise<string> {
  return astToString(await openapiTS(document as never, { defaultNonNullable: false }));
}
