import * as z from 'zod';
import { CBS, HOUSING_CORPORATIONS, POLITIE_UTRECHT, type Role, WERK_EN_INKOMEN } from '../auth/principal.ts';
import { SERVICE_NAME } from '../resources.ts';
import { errorResponseSchema, gatewayErrorSchema } from './common-schemas.ts';
import { fscErrorSchema, problemDetailsSchema } from './ddas-schemas.ts';
import { OPERATION_EXAMPLES } from './examples.ts';
import {
  type ErrorCase,
  OPERATIONS,
  type OperationDefinition,
  type RouteErrorStatus,
  TAGS,
} from './operations.ts';
import './zod-dutch.ts'; // Dutch validation messages

type JsonSchema = Record<string, unknown>;
type Direction = 'input' | 'output';

/** The OpenAPI 3.1 document as a plain JSON value. */
export type OpenApiDocument = Record<string, unknown> & {
  readonly paths: Record<string, Record<string, Record<string, unknown>>>;
  readonly components: { readonly schemas: Record<string, JsonSchema> } & Record<string, unknown>;
};

export const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * The zod schemas of the document, converted in one go per direction through a registry: every
 * schema named with `.meta({ id })` becomes a component, referred to as `#/components/schemas/<id>`;
 * the unnamed ones an operation uses directly (a parameter, an inline answer) are converted along
 * with them under a private name and inlined where used. Requests are converted as zod's input
 * (what a client sends), answers as its output (what the service sends).
 */
class SchemaSet {
  private readonly named = new Map<z.core.$ZodType, string>();
  private readonly inline = new Map<z.core.$ZodType, string>();
  private readonly converted: Record<Direction, Record<string, JsonSchema>>;
  /** The components the document uses, with the direction each is used in. */
  private readonly used = new Map<string, Set<Direction>>();

  constructor(slots: readonly z.ZodType[]) {
    const registry = z.registry<{ id: string }>();
    for (const [id, schema] of z.globalRegistry._idmap) {
      registry.add(schema, { id });
      this.named.set(schema, id);
    }
    for (const [index, schema] of slots.entries()) {
      if (this.named.has(schema) || this.inline.has(schema)) continue;
      // A copy of its own: the schema itself may also sit inside a component, where it stays inline.
      const name = `~inline${index}`;
      registry.add(schema.clone(), { id: name });
      this.inline.set(schema, name);
    }
    const convert = (io: Direction) => {
      const { schemas } = z.toJSONSchema(registry, {
        io,
        unrepresentable: 'any',
        uri: (id) => `${COMPONENT_PREFIX}${id}`,
        override: ({ jsonSchema }) => {
          // `z.number().int()` says "a safe integer" with both bounds: noise in a contract.
          if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
          if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
        },
      });
      if ('__shared' in schemas) throw new Error('A schema without an id was extracted: give it one.');
      return Object.fromEntries(
        Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema]),
      ) as Record<string, JsonSchema>;
    };
    this.converted = { input: convert('input'), output: convert('output') };
  }

  /** The schema as used in a request (`input`) or an answer (`output`): a `$ref` when it is named. */
  use(schema: z.ZodType, direction: Direction): JsonSchema {
    const id = this.named.get(schema);
    const json = id
      ? { $ref: `${COMPONENT_PREFIX}${id}` }
      : structuredClone(this.converted[direction][this.inline.get(schema) ?? ''] as JsonSchema);
    if (!json) throw new Error('Schema not registered with the document.');
    this.markUsed(json, direction);
    return json;
  }

  private markUsed(json: unknown, direction: Direction): void {
    for (const id of referencedIds(json)) {
      const directions = this.used.get(id) ?? new Set();
      if (directions.has(direction)) continue;
      directions.add(direction);
      this.used.set(id, directions);
      this.markUsed(this.converted[direction][id], direction);
    }
  }

  /** `components.schemas`: the used components, each converted for the direction it is used in. */
  components(): Record<string, JsonSchema> {
    const components: Record<string, JsonSchema> = {};
    for (const [id, directions] of [...this.used].sort(([a], [b]) => a.localeCompare(b))) {
      const [direction, other] = [...directions] as [Direction, Direction?];
      const schema = this.converted[direction][id] as JsonSchema;
      if (other && JSON.stringify(schema) !== JSON.stringify(this.converted[other][id])) {
        throw new Error(
          `Component ${id} is used in requests and in answers but differs between them: give each its own id.`,
        );
      }
      components[id] = schema;
    }
    return components;
  }
}

/** The component names a JSON value refers to. */
export function referencedIds(json: unknown): string[] {
  const ids: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT_PREFIX)) {
          ids.push(child.slice(COMPONENT_PREFIX.length));
        } else visit(child);
      }
    }
  };
  visit(json);
  return ids;
}

const ref = (id: string) => ({ $ref: `${COMPONENT_PREFIX}${id}` });

// --- Security: the Cognito user pool behind API Gateway's JWT authorizer (infra/constructs/identity.ts)

/** Placeholders: the real values are the stack's account and region (`cdk deploy` output). */
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';
const COGNITO_DOMAIN = `https://${SERVICE_NAME}-${ACCOUNT}.auth.${REGION}.amazoncognito.com`;
const USER_POOL_ISSUER = `https://cognito-idp.${REGION}.amazonaws.com/${REGION}_AbCdEfGhI`;

/** Partner app clients (client credentials): one OAuth scope `buurtsignaal/<role>:<scope>` each. */
export const PARTNER_SCOPES: Readonly<Partial<Record<Role, readonly string[]>>> = {
  'housing-corporation': HOUSING_CORPORATIONS.map((id) => `${SERVICE_NAME}/housing-corporation:${id}`),
  'energy-forwarder': [`${SERVICE_NAME}/energy-forwarder:${WERK_EN_INKOMEN}`],
  police: [`${SERVICE_NAME}/police:${POLITIE_UTRECHT}`],
  // X1: CBS pulls the DDAS delivery with its own client and scope.
  cbs: [`${SERVICE_NAME}/cbs:${CBS}`],
};

const localTokens = (example: string) =>
  `Lokaal (\`npm start\`) is er geen Cognito: stuur een demo-token, bijvoorbeeld \`Authorization: Bearer ${example}\` (zie API.md).`;

const SECURITY_SCHEMES = {
  partnerClientCredentials: {
    type: 'oauth2',
    description: `Partners (woningcorporaties, Werk & Inkomen, politie) zijn machineclients van de Cognito-gebruikerspool: vraag met client credentials een access token aan bij het token-endpoint en stuur het als \`Authorization: Bearer <token>\`. Elke client heeft precies één scope, \`${SERVICE_NAME}/<rol>:<organisatie>\`. Het domein is \`${SERVICE_NAME}-<AWS-account>.auth.<regio>.amazoncognito.com\`; hier staat een voorbeeld. ${localTokens('dev-bo-ex')}`,
    flows: {
      clientCredentials: {
        tokenUrl: `${COGNITO_DOMAIN}/oauth2/token`,
        scopes: Object.fromEntries(
          Object.entries(PARTNER_SCOPES).flatMap(([role, scopes]) =>
            (scopes ?? []).map((scope) => [scope, `Rol ${role}, organisatie ${scope.split(':')[1]}`]),
          ),
        ),
      },
    },
  },
  cognitoUsers: {
    type: 'openIdConnect',
    description: `Medewerkers (teamleden, coördinatoren, managers, gemeente, beheer) melden zich aan via de Cognito-hosted UI (autorisatiecode met PKCE) en sturen het ID-token als \`Authorization: Bearer <token>\`: daarin staan hun rol (groep) en scope (\`custom:scope\`). Hier staat een voorbeeld van de issuer van de gebruikerspool. ${localTokens('dev-bt-sociaal-overvecht')}`,
    openIdConnectUrl: `${USER_POOL_ISSUER}/.well-known/openid-configuration`,
  },
};

function security(operation: OperationDefinition): Record<string, string[]>[] {
  if (operation.roles === 'public') return [];
  const partnerScopes = operation.roles.flatMap((role) => PARTNER_SCOPES[role] ?? []);
  const people = operation.roles.some((role) => !PARTNER_SCOPES[role]);
  // Alternatives: any one of the partner scopes, or a person's ID token.
  return [
    ...partnerScopes.map((scope) => ({ partnerClientCredentials: [scope] })),
    ...(people ? [{ cognitoUsers: ['openid'] }] : []),
  ];
}

// --- Errors: which statuses a route can answer, and with which codes

/** What the middlewares and the gateway answer (shared/http/*.ts, infra/local/http-gateway.ts). */
const GENERIC = {
  invalidPath: { code: 'invalid-path', message: 'Ongeldige parameter in het pad.' },
  invalidQuery: { code: 'invalid-query', message: 'Ongeldige zoekparameter.' },
  emptyBody: { code: 'empty-body', message: 'Het verzoek heeft geen inhoud.' },
  malformedJson: { code: 'malformed-json', message: 'De inhoud is geen geldige JSON.' },
  emptyFile: { code: 'empty-body', message: 'Het bestand is leeg.' },
  malformedForm: {
    code: 'malformed-request',
    message: 'Het verzoek is onleesbaar (bijvoorbeeld een kapot multipart-formulier).',
  },
  invalidIdempotencyKey: {
    code: 'invalid-idempotency-key',
    message: 'De Idempotency-Key moet 1 tot 255 zichtbare ASCII-tekens zijn, bijvoorbeeld een UUID.',
    details: [{ field: 'Idempotency-Key', code: 'invalid-idempotency-key', message: 'Ongeldige sleutel.' }],
  },
  unauthorized: {
    code: 'unauthorized',
    message: 'Niet aangemeld: stuur een geldig token mee (Authorization: Bearer …).',
  },
  forbidden: { code: 'forbidden', message: 'Geen toegang: uw rol of scope staat deze handeling niet toe.' },
  requestInProgress: {
    code: 'request-in-progress',
    message:
      'Hetzelfde verzoek wordt nog verwerkt. Probeer het over een minuut opnieuw; u krijgt dan het eerste antwoord.',
  },
  requestTooLarge: {
    code: 'request-too-large',
    message:
      'Het verzoek is groter dan 6 MB, de grens per verzoek. Splits de gegevens over meerdere verzoeken van hoogstens 6 MB elk (bijvoorbeeld een batch in kleinere batches) en stuur ze na elkaar.',
  },
  fileTooLarge: {
    code: 'file-too-large',
    message:
      'Het bestand is groter dan 6 MB. Splits de lijst in delen van hoogstens 6 MB (ongeveer 30.000 rijen) en stuur elk deel apart, steeds met de kopregel.',
  },
  jsonOnly: {
    code: 'unsupported-media-type',
    message: 'Stuur de gegevens als JSON (Content-Type: application/json).',
  },
  csvOnly: {
    code: 'unsupported-media-type',
    message: 'Stuur de lijst als text/csv, of als multipart/form-data met het bestand in het veld file.',
  },
  validationFailed: {
    code: 'validation-failed',
    message: 'De invoer is niet geldig; zie de fouten per veld.',
    details: [
      {
        field: 'reached',
        code: 'required',
        message: 'Geef aan of de inwoner bereikt is (reached: true of false).',
      },
    ],
  },
  idempotencyKeyReused: {
    code: 'idempotency-key-reused',
    message:
      'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor nieuwe gegevens.',
    details: [
      {
        field: 'Idempotency-Key',
        code: 'idempotency-key-reused',
        message:
          'Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel voor nieuwe gegevens.',
      },
    ],
  },
  internal: {
    code: 'internal-error',
    message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  },
} satisfies Record<string, ErrorCase & { details?: unknown }>;

type ErrorStatus = RouteErrorStatus | 401 | 403 | 415 | 429 | 500;

const ERROR_TITLES: Record<ErrorStatus, string> = {
  400: 'Onleesbaar verzoek.',
  401: 'Geen of ongeldig token.',
  403: 'Geen toegang met deze rol of scope.',
  404: 'Niet gevonden (of niet van u: dan bestaat het voor u niet).',
  409: 'Conflict: probeer het later opnieuw.',
  413: 'Te groot (DESIGN I6): splits de aanlevering.',
  415: 'Verkeerd content-type.',
  422: 'Goed leesbaar, maar ongeldig: zie de code en de fouten per veld.',
  429: 'Te veel verzoeken (API Gateway throttling op AWS): wacht even en probeer het opnieuw.',
  500: 'Fout aan de kant van de dienst. Probeer het later opnieuw.',
};

/** What API Gateway itself answers on AWS (body `{"message": …}`), per status. */
const GATEWAY_MESSAGES: Partial<Record<ErrorStatus, string>> = {
  401: 'Unauthorized',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Every refusal the operation can answer, by status: its shape's, then its own (operations.ts). */
function errorCases(operation: OperationDefinition): Map<ErrorStatus, ErrorCase[]> {
  const cases = new Map<ErrorStatus, ErrorCase[]>();
  const add = (status: ErrorStatus, ...more: ErrorCase[]) =>
    cases.set(status, [...(cases.get(status) ?? []), ...more]);
  const jsonBody = Boolean(operation.body);
  const rawBody = Boolean(operation.rawBody);
  if (operation.params) add(400, GENERIC.invalidPath);
  if (operation.query) add(400, GENERIC.invalidQuery);
  if (jsonBody) add(400, GENERIC.emptyBody, GENERIC.malformedJson);
  if (rawBody) add(400, GENERIC.emptyFile, GENERIC.malformedForm);
  if (operation.idempotent) add(400, GENERIC.invalidIdempotencyKey);
  if (operation.roles !== 'public') {
    add(401, GENERIC.unauthorized);
    add(403, GENERIC.forbidden);
  }
  if (operation.idempotent) add(409, GENERIC.requestInProgress);
  if (jsonBody) add(413, GENERIC.requestTooLarge);
  if (rawBody) add(413, GENERIC.fileTooLarge);
  if (jsonBody) add(415, GENERIC.jsonOnly);
  if (rawBody) add(415, GENERIC.csvOnly);
  // X3: the DDAS route answers a body that does not fit its contract with 400, not 422.
  if (jsonBody) add(operation.problemJson ? 400 : 422, GENERIC.validationFailed);
  if (operation.idempotent) add(422, GENERIC.idempotencyKeyReused);
  for (const [status, own] of Object.entries(operation.errors ?? {})) {
    add(Number(status) as RouteErrorStatus, ...(own ?? []));
  }
  add(429);
  add(500, GENERIC.internal);
  return new Map([...cases].sort(([a], [b]) => a - b));
}

const FSC_CODES: Partial<Record<ErrorStatus, readonly string[]>> = {
  401: ['ERROR_CODE_ACCESS_TOKEN_MISSING', 'ERROR_CODE_ACCESS_TOKEN_INVALID'],
  403: ['ERROR_CODE_WRONG_GROUP_ID_IN_TOKEN'],
};

/** X3: the DDAS route's refusals as `application/problem+json`, with `Fsc-Error-Code` for 401/403. */
function problemResponse(status: ErrorStatus, cases: readonly ErrorCase[], path: string) {
  const fsc = FSC_CODES[status];
  const gatewayMessage = GATEWAY_MESSAGES[status];
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const { code, message } of cases) {
    examples[code] ??= {
      summary: code,
      value: {
        type: `urn:buurtsignaal:probleem:${code}`,
        title: ERROR_TITLES[status],
        status,
        detail: message,
        instance: path,
        ...(fsc ? { code: fsc[0], domain: 'ERROR_DOMAIN_INWAY' } : {}),
      },
    };
  }
  const codes = cases.map(({ code, message }) => `- \`${code}\`: ${message}`);
  const gateway = gatewayMessage
    ? [`- Van API Gateway zelf (AWS): \`{"message": "${gatewayMessage}"}\`.`]
    : [];
  return {
    description: [ERROR_TITLES[status], '', ...codes, ...gateway].join('\n'),
    ...(fsc
      ? {
          headers: {
            'Fsc-Error-Code': {
              description: 'FSC Core 1.0.0: de foutcode van de Inway.',
              schema: { type: 'string', enum: [...fsc] },
            },
          },
        }
      : {}),
    content: {
      ...(cases.length
        ? {
            'application/problem+json': {
              schema: fsc ? { allOf: [ref('ProblemDetails'), ref('FscError')] } : ref('ProblemDetails'),
              examples,
            },
          }
        : {}),
      // On AWS API Gateway answers some statuses itself, in its own shape (a 401 of its JWT
      // authorizer carries no Fsc-Error-Code: docs/ddas.md).
      ...(gatewayMessage
        ? {
            'application/json': {
              schema: ref('GatewayError'),
              examples: {
                'api-gateway': {
                  summary: 'Antwoord van API Gateway (AWS)',
                  value: { message: gatewayMessage },
                },
              },
            },
          }
        : {}),
    },
  };
}

function errorResponse(status: ErrorStatus, cases: readonly ErrorCase[]) {
  const gatewayMessage = GATEWAY_MESSAGES[status];
  const serviceSchema = ref('Error');
  const gatewaySchema = ref('GatewayError');
  const schema =
    cases.length === 0
      ? gatewaySchema
      : gatewayMessage
        ? { oneOf: [serviceSchema, gatewaySchema] }
        : serviceSchema;
  const examples: Record<string, { summary: string; value: unknown }> = {};
  for (const { code, message, details } of cases as (ErrorCase & { details?: unknown })[]) {
    examples[code] ??= {
      summary: code,
      value: { error: { code, message, ...(details ? { details } : {}) } },
    };
  }
  if (gatewayMessage) {
    examples['api-gateway'] = {
      summary: 'Antwoord van API Gateway (AWS)',
      value: { message: gatewayMessage },
    };
  }
  const codes = cases.map(({ code, message }) => `- \`${code}\`: ${message}`);
  const gateway = gatewayMessage
    ? [`- Van API Gateway zelf (AWS): \`{"message": "${gatewayMessage}"}\`, zonder code.`]
    : [];
  return {
    description: [ERROR_TITLES[status], '', ...codes, ...gateway].join('\n'),
    content: { 'application/json': { schema, examples } },
  };
}

// --- Operations

const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'DESIGN I5: een eigen sleutel per verzoek (bijvoorbeeld een UUID). Hetzelfde verzoek opnieuw met deze sleutel krijgt het eerste antwoord (kop Idempotent-Replayed: true); zonder sleutel herkent de dienst dezelfde inhoud.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
  example: '5f0c6d0e-7b7a-4c1f-9a53-2b8e0c1d9e10',
};

const REPLAYED = {
  'Idempotent-Replayed': {
    description:
      'Aanwezig (`true`) als dit het eerste antwoord op hetzelfde verzoek is, opnieuw gestuurd (DESIGN I5).',
    schema: { type: 'string', enum: ['true'] },
  },
};

function parameters(operation: OperationDefinition, schemas: SchemaSet): JsonSchema[] {
  const place = (object: z.ZodObject | undefined, where: 'path' | 'query') =>
    Object.entries(object?.shape ?? {}).map(([name, field]) => {
      const { description, ...schema } = schemas.use(field as z.ZodType, 'input');
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema,
      };
    });
  return [
    ...place(operation.params, 'path'),
    ...place(operation.documentedQuery ?? operation.query, 'query'),
    ...(operation.idempotent ? [IDEMPOTENCY_KEY] : []),
  ];
}

type Examples = { request?: unknown; responses: Record<number, unknown> };

function requestBody(operation: OperationDefinition, schemas: SchemaSet, examples: Examples) {
  const body = operation.documentedBody ?? operation.body;
  if (body) {
    return {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: schemas.use(body, 'input'), example: examples.request } },
      },
    };
  }
  if (!operation.rawBody) return {};
  const content = Object.fromEntries(
    operation.rawBody.contentTypes.map((type) => [
      type,
      type === 'multipart/form-data'
        ? {
            schema: {
              type: 'object',
              properties: { file: { type: 'string', contentMediaType: 'text/csv' } },
              required: ['file'],
            },
            encoding: { file: { contentType: 'text/csv, application/octet-stream' } },
          }
        : { schema: { type: 'string' }, ...(type === 'text/csv' ? { example: examples.request } : {}) },
    ]),
  );
  return { requestBody: { required: true, description: operation.rawBody.description, content } };
}

function operationObject(operation: OperationDefinition, schemas: SchemaSet) {
  const examples = (OPERATION_EXAMPLES as Record<string, Examples>)[operation.operationId] as Examples;
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(operation.idempotent ? { headers: REPLAYED } : {}),
      ...(operation.responseHeaders
        ? {
            headers: Object.fromEntries(
              Object.entries(operation.responseHeaders).map(([name, header]) => [
                name,
                {
                  description: header.description,
                  required: true,
                  schema: { type: 'string', ...(header.pattern ? { pattern: header.pattern } : {}) },
                },
              ]),
            ),
          }
        : {}),
      content: {
        'application/json': {
          schema: response.schema ? schemas.use(response.schema, 'output') : { type: 'object' },
          example: examples.responses[Number(status)],
        },
      },
    };
  }
  for (const [status, cases] of errorCases(operation))
    responses[status] = operation.problemJson
      ? problemResponse(status, cases, operation.path)
      : errorResponse(status, cases);
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    security: security(operation),
    'x-roles': operation.roles,
    parameters: parameters(operation, schemas),
    ...requestBody(operation, schemas, examples),
    responses,
  };
}

/** Every zod schema the document shows, so they are converted together. */
function schemasOf(operations: readonly OperationDefinition[]): z.ZodType[] {
  return [
    errorResponseSchema,
    gatewayErrorSchema,
    problemDetailsSchema,
    fscErrorSchema,
    ...operations.flatMap((operation) => [
      ...Object.values(operation.params?.shape ?? {}),
      ...Object.values((operation.documentedQuery ?? operation.query)?.shape ?? {}),
      ...[operation.documentedBody ?? operation.body].filter((schema) => schema !== undefined),
      ...Object.values(operation.responses).flatMap((response) => (response.schema ? [response.schema] : [])),
    ]),
  ] as z.ZodType[];
}

/**
 * OpenAPI 3.1 for every route of the contract, generated from the same zod schemas the handlers
 * validate with and the operation catalog the gateway routes by: one source.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const operations = Object.values(OPERATIONS) as OperationDefinition[];
  const schemas = new SchemaSet(schemasOf(operations));
  schemas.use(errorResponseSchema, 'output');
  schemas.use(gatewayErrorSchema, 'output');
  schemas.use(problemDetailsSchema, 'output');
  schemas.use(fscErrorSchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, unknown>)[operation.method.toLowerCase()] = operationObject(
      operation,
      schemas,
    );
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Buurtsignaal API',
      version: '0.1.0',
      description: [
        'Intake van vroegsignalen door partners en de werkvoorraad van de Utrechtse buurtteams.',
        '',
        '- **Aanmelden**: partners met OAuth2 client credentials (Cognito), medewerkers met het ID-token van de webapp. Lokaal (`npm start`) de demo-tokens `dev-…`.',
        '- **Fouten**: `{"error": {"code", "message", "details"?}}`, met een vaste code in kebab-case en uitleg in het Nederlands; per route staan de mogelijke codes bij elke status.',
        '- **Lijsten**: `{"items": [...], "cursor"?: "..."}`; vraag de volgende pagina op met `?cursor=` en dezelfde andere parameters. Geen cursor: dit was de laatste pagina.',
        '- **Idempotentie** (aanleveren, DESIGN I5): hetzelfde verzoek opnieuw, of met dezelfde `Idempotency-Key`, krijgt het eerste antwoord.',
        '',
        'Een gids voor nieuwe gebruikers staat in docs/api.md van de repository.',
      ].join('\n'),
    },
    servers: [
      { url: 'http://localhost:3000', description: 'Lokaal: `npm start` (poort uit PORT, standaard 3000).' },
      {
        url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
        description: 'AWS: de uitvoer `ApiUrl` van de stack Buurtsignaal.',
        variables: {
          apiId: { default: 'a1b2c3d4e5', description: 'Id van de HTTP API (uitvoer ApiUrl).' },
          region: { default: REGION, description: 'AWS-regio van de stack.' },
        },
      },
    ],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: schemas.components(), securitySchemes: SECURITY_SCHEMES },
  };
}
