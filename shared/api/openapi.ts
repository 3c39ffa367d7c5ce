import * as z from 'zod';
import { errorResponseSchema } from './common-schemas.ts';
import { OPERATIONS, type OperationDefinition } from './operations.ts';
import './zod-dutch.ts'; // Dutch validation messages

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function parameters(operation: OperationDefinition): JsonSchema[] {
  const place = (schema: z.ZodObject | undefined, where: 'path' | 'query') =>
    Object.entries(schema?.shape ?? {}).map(([name, field]) => ({
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema: jsonSchema(field as z.ZodType, 'input'),
    }));
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'DESIGN I5: een eigen sleutel per verzoek (bijvoorbeeld een UUID). Hetzelfde verzoek opnieuw met deze sleutel krijgt het eerste antwoord (kop Idempotent-Replayed: true); zonder sleutel herkent de dienst dezelfde inhoud.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
  };
  return [
    ...place(operation.params, 'path'),
    ...place(operation.query, 'query'),
    ...(operation.idempotent ? [idempotencyKey] : []),
  ];
}

const ERROR_RESPONSES = {
  400: 'Onleesbaar verzoek.',
  401: 'Geen of ongeldig token.',
  403: 'Geen toegang met deze rol of scope.',
  404: 'Niet gevonden.',
  415: 'Verkeerd content-type.',
  413: 'Te groot (DESIGN I6): splits de aanlevering.',
  422: 'Ongeldige invoer, met fouten per veld.',
} as const;

function requestBody(operation: OperationDefinition) {
  const body = operation.documentedBody ?? operation.body;
  if (body)
    return {
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(body, 'input') } } },
    };
  if (!operation.rawBody) return {};
  const content = Object.fromEntries(
    operation.rawBody.contentTypes.map((type) => [
      type,
      type === 'multipart/form-data'
        ? {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', format: 'binary' } },
              required: ['file'],
            },
          }
        : { schema: { type: 'string' } },
    ]),
  );
  return { requestBody: { required: true, description: operation.rawBody.description, content } };
}

function operationObject(operation: OperationDefinition) {
  const isPublic = operation.roles === 'public';
  const errorSchema = {
    content: { 'application/json': { schema: jsonSchema(errorResponseSchema, 'output') } },
  };
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
        : {}),
    };
  }
  if (operation.idempotent) {
    responses['409'] = {
      description:
        'Hetzelfde verzoek wordt nog verwerkt en gaf nog geen antwoord; probeer het later opnieuw.',
      ...errorSchema,
    };
  }
  for (const [status, description] of Object.entries(ERROR_RESPONSES)) {
    if (isPublic && status !== '404') continue;
    const hasBody = Boolean(operation.body || operation.rawBody);
    if (!hasBody && (status === '413' || status === '415' || (status === '422' && !operation.query)))
      continue;
    responses[status] = { description, ...errorSchema };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    security: isPublic ? [] : [{ bearer: [] }],
    'x-roles': operation.roles,
    parameters: parameters(operation),
    ...requestBody(operation),
    responses,
  };
}

/** OpenAPI 3.1 for every route of the contract, generated from the same zod schemas the handlers use. */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of Object.values(OPERATIONS) as OperationDefinition[]) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, unknown>)[operation.method.toLowerCase()] =
      operationObject(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Buurtsignaal API',
      version: '0.1.0',
      description: 'Intake van vroegsignalen en werkvoorraad van de Utrechtse buurtteams. Zie API.md.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
