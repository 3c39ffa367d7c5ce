import { App, Stack } from 'aws-cdk-lib';
import { CfnUserPoolResourceServer } from 'aws-cdk-lib/aws-cognito';
import { describe, expect, it } from 'vitest';
import { Identity } from '../../infra/constructs/identity.ts';
import { OPERATION_EXAMPLES } from '../../shared/api/examples.ts';
import { buildOpenApiDocument, referencedIds } from '../../shared/api/openapi.ts';
import { OPERATIONS, type OperationDefinition } from '../../shared/api/operations.ts';
import { contractCheck } from '../support/openapi-answers.ts';
import { describeProblem, lintOpenApi, typecheckClient } from '../support/openapi-contract.ts';

// The generated OpenAPI document on its own: valid and complete for Redocly, its examples true to
// its schemas and to the handlers' zod schemas, and the contract checks proven to fail when the
// document breaks (a $ref that resolves nowhere, a status no longer declared, an operation or a
// field gone). The served document and the answers of the running service: test/integration/
// openapi-contract.test.ts and every integration test (setup/contract-answers.ts).

type Json = Record<string, unknown>;
type Operation = Json & { responses: Record<string, Json> };
const document = buildOpenApiDocument();
const operations = Object.values(OPERATIONS) as OperationDefinition[];
const copy = () => structuredClone(document);
const operationOf = (doc: Json, path: string, method: string) =>
  (doc.paths as Record<string, Record<string, Operation>>)[path]?.[method] as Operation;

/** The warnings left on purpose, each with its reason (docs/api.md lists them too). */
const ACCEPTED_WARNINGS = [
  // No licence is chosen for this code yet; inventing one in the contract would be wrong.
  'info-license',
  // The first server is `npm start` on localhost: that is what a developer calls.
  'no-server-example.com',
];

describe('the OpenAPI document', () => {
  it('lints with Redocly’s recommended rules without errors, warnings only the accepted ones', async () => {
    const problems = await lintOpenApi(document);

    expect(problems.filter((problem) => problem.severity === 'error').map(describeProblem)).toEqual([]);
    expect(problems.map((problem) => problem.ruleId).sort()).toEqual(ACCEPTED_WARNINGS);
  });

  it('has every named schema as a component, referred to as #/components/schemas/…, and no $defs', () => {
    const text = JSON.stringify(document);
    const components = Object.keys(document.components.schemas);

    expect(text).not.toContain('$defs');
    expect(text).not.toContain('"$schema"');
    expect(new Set(referencedIds(document))).toEqual(new Set(components));
    expect(components).toEqual(
      expect.arrayContaining([
        'Error',
        'GatewayError',
        'FieldError',
        'CareReport',
        'SignalDetail',
        'UploadReceipt',
      ]),
    );
  });

  it('documents every operation with a tag, a summary and an example of every request and success answer', () => {
    for (const operation of operations) {
      const documented = operationOf(document, operation.path, operation.method.toLowerCase());
      const request = (documented.requestBody as { content?: Record<string, Json> } | undefined)?.content;

      expect(documented, operation.operationId).toMatchObject({
        operationId: operation.operationId,
        tags: [operation.tag],
        summary: operation.summary,
      });
      if (operation.body) expect(request?.['application/json']?.example, operation.operationId).toBeDefined();
      if (operation.rawBody) expect(request?.['text/csv']?.example, operation.operationId).toBeDefined();
      for (const status of Object.keys(operation.responses)) {
        const content = documented.responses[status]?.content as Record<string, Json>;
        expect(content['application/json']?.example, `${operation.operationId} ${status}`).toBeDefined();
      }
    }
  });

  it('has request examples the handlers accept', () => {
    for (const operation of operations) {
      const { request } = OPERATION_EXAMPLES[operation.operationId as keyof typeof OPERATION_EXAMPLES] as {
        request?: unknown;
      };
      for (const schema of [operation.body, operation.documentedBody]) {
        if (!schema) continue;
        const parsed = schema.safeParse(request);
        expect(parsed.error?.issues ?? [], operation.operationId).toEqual([]);
      }
    }
  });

  it('has answer examples, success and error alike, that match their own schemas', () => {
    const check = contractCheck(document);
    const violations: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, Operation>)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          // JSON answers, and the DDAS route's problems as application/problem+json (X3).
          const [contentType, media] = Object.entries(response.content as Record<string, Json>)[0] as [
            string,
            Json,
          ];
          const examples: unknown[] = media.example !== undefined ? [media.example] : [];
          for (const { value } of Object.values(
            (media.examples ?? {}) as Record<string, { value: unknown }>,
          )) {
            examples.push(value);
          }
          expect(examples.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          const concrete = path.replace(/\{[^}]+\}/g, 'x');
          for (const body of examples) {
            violations.push(
              ...check({
                method,
                path: concrete,
                status: Number(status),
                contentType,
                body,
              }),
            );
          }
        }
      }
    }

    expect(violations).toEqual([]);
  });

  it('names the values the API accepts: attest, the outcome codes, the contact kinds', () => {
    const upload = operationOf(document, '/intake/rent-arrears', 'post');
    const close = document.components.schemas.Close as { properties: Record<string, Json> };

    expect((upload.parameters as Json[]).find((parameter) => parameter.name === 'attest')).toMatchObject({
      in: 'query',
      required: true,
      schema: { type: 'string', enum: ['sociale-incasso'] },
    });
    expect(close.properties.outcome?.enum).toContain('vervolghulp');
  });

  it('describes the Cognito authorizer: client credentials for partners, OpenID Connect for people', () => {
    const schemes = document.components.securitySchemes as Record<string, Json>;
    const upload = operationOf(document, '/intake/rent-arrears', 'post');
    const signal = operationOf(document, '/signals/{signalId}', 'get');
    const health = operationOf(document, '/health', 'get');

    expect(schemes.partnerClientCredentials).toMatchObject({
      type: 'oauth2',
      flows: {
        clientCredentials: {
          tokenUrl: expect.stringMatching(/^https:\/\/buurtsignaal-.*\.amazoncognito\.com\/oauth2\/token$/),
        },
      },
    });
    expect(schemes.cognitoUsers).toMatchObject({ type: 'openIdConnect' });
    expect(upload.security).toEqual([
      { partnerClientCredentials: ['buurtsignaal/housing-corporation:bo-ex'] },
      { partnerClientCredentials: ['buurtsignaal/housing-corporation:mitros'] },
      { partnerClientCredentials: ['buurtsignaal/housing-corporation:portaal'] },
    ]);
    expect(signal.security).toEqual([{ cognitoUsers: ['openid'] }]);
    expect(health.security).toEqual([]);
    expect(document.servers).toEqual([
      expect.objectContaining({ url: 'http://localhost:3000' }),
      expect.objectContaining({ url: 'https://{apiId}.execute-api.{region}.amazonaws.com' }),
    ]);
  });

  it('names exactly the OAuth scopes of the partner app clients in the user pool', () => {
    const stack = new Stack(new App(), 'IdentityOnly', { env: { region: 'eu-west-1' } });
    new Identity(stack, 'Identity', { webAppUrls: ['https://d111111abcdef8.cloudfront.net/'] });
    const pool = stack.node
      .findAll()
      .filter((construct) => construct instanceof CfnUserPoolResourceServer)
      .flatMap(({ identifier, scopes }) =>
        (scopes as { scopeName: string }[]).map((scope) => `${identifier}/${scope.scopeName}`),
      );
    const schemes = document.components.securitySchemes as {
      partnerClientCredentials: { flows: { clientCredentials: { scopes: Record<string, string> } } };
    };

    expect(Object.keys(schemes.partnerClientCredentials.flows.clientCredentials.scopes).sort()).toEqual(
      pool.sort(),
    );
  });

  it('declares the statuses each route can answer', () => {
    const statuses = (path: string, method: string) =>
      Object.keys(operationOf(document, path, method).responses).map(Number);

    expect(statuses('/health', 'get')).toEqual([200, 429, 500]);
    expect(statuses('/intake/rent-arrears', 'post')).toEqual([
      202, 400, 401, 403, 409, 413, 415, 422, 429, 500,
    ]);
    expect(statuses('/intake/care-reports', 'post')).toEqual([
      200, 202, 400, 401, 403, 409, 413, 415, 422, 429, 500,
    ]);
    expect(statuses('/signals/{signalId}/close', 'post')).toEqual([
      200, 400, 401, 403, 404, 409, 413, 415, 422, 429, 500,
    ]);
    expect(statuses('/signals/{signalId}', 'get')).toEqual([200, 400, 401, 403, 404, 429, 500]);
    expect(statuses('/intake/uploads', 'get')).toEqual([200, 400, 401, 403, 429, 500]);
  });
});

describe('the contract checks fail when the document breaks', () => {
  it('a $ref that resolves nowhere is a lint error', async () => {
    const broken = copy();
    const detail = operationOf(broken, '/signals/{signalId}', 'get').responses['200'] as {
      content: { 'application/json': { schema: Json } };
    };
    detail.content['application/json'].schema = { $ref: '#/$defs/SignalDetail' };

    const errors = (await lintOpenApi(broken)).filter((problem) => problem.severity === 'error');

    expect(errors.map((problem) => [problem.ruleId, problem.location[0]?.pointer])).toContainEqual([
      'no-unresolved-refs',
      '#/paths/~1signals~1{signalId}/get/responses/200/content/application~1json/schema',
    ]);
  });

  it('a component that is gone is a lint error wherever it was used', async () => {
    const broken = copy();
    delete broken.components.schemas.FieldError;

    const errors = (await lintOpenApi(broken)).filter((problem) => problem.severity === 'error');

    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((problem) => problem.ruleId))).toEqual(new Set(['no-unresolved-refs']));
  });

  const closedAgain = {
    method: 'POST',
    path: '/signals/sig_f9124df3cce342228793c706c476813f/close',
    status: 409,
    contentType: 'application/json; charset=utf-8',
    body: {
      error: { code: 'signal-not-open', message: 'Dit signaal is niet (meer) open; afsluiten kan niet.' },
    },
  };

  it('an answer with a status the operation does not declare fails', () => {
    const broken = copy();
    delete operationOf(broken, '/signals/{signalId}/close', 'post').responses['409'];

    expect(contractCheck(document)(closedAgain)).toEqual([]);
    expect(contractCheck(broken)(closedAgain)).toEqual([
      expect.stringContaining('POST /signals/{signalId}/close → 409: status 409 is not declared'),
    ]);
    expect(contractCheck(document)({ ...closedAgain, status: 418 })).toEqual([
      expect.stringContaining('status 418 is not declared'),
    ]);
  });

  it('an answer whose body does not match the declared schema fails, as does an undeclared content type', () => {
    const check = contractCheck(document);
    const signal = { ...(OPERATION_EXAMPLES.getSignal.responses[200] as Json) };
    const answer = {
      method: 'GET',
      path: '/signals/sig_f9124df3cce342228793c706c476813f',
      status: 200,
      contentType: 'application/json; charset=utf-8',
    };
    const { teamId: _gone, ...withoutTeam } = signal;

    expect(check({ ...answer, body: signal })).toEqual([]);
    expect(check({ ...answer, body: withoutTeam })).toEqual([
      expect.stringContaining("must have required property 'teamId'"),
    ]);
    expect(
      check({ ...answer, body: { ...signal, householdMembers: [{ birthDate: '2014-05-02' }] } }),
    ).toEqual([expect.stringContaining('must NOT have additional properties')]);
    expect(check({ ...answer, body: { ...signal, status: 'gesloten' } })).toEqual([
      expect.stringContaining('must be equal to one of the allowed values'),
    ]);
    expect(check({ ...answer, contentType: 'text/html', body: undefined })).toEqual([
      expect.stringContaining("content type 'text/html' is not declared"),
    ]);
  });

  it('answers of routes the document does not describe are not checked', () => {
    const check = contractCheck(document);

    expect(check({ method: 'POST', path: '/_local/drain', status: 200, body: { processed: 1 } })).toEqual([]);
    expect(check({ method: 'DELETE', path: '/signals/sig_1', status: 404, body: {} })).toEqual([]);
  });
});

describe('a client generated with openapi-typescript (test/contract/client.ts)', () => {
  it('compiles against the document, calling every operation', async () => {
    const result = await typecheckClient(document);

    expect(result.diagnostics).toBe('');
    expect(result.ok).toBe(true);
  });

  const withoutClose = () => {
    const broken = copy();
    delete (broken.paths as Record<string, unknown>)['/signals/{signalId}/close'];
    return broken;
  };
  const withoutTeamId = () => {
    const broken = copy();
    const detail = broken.components.schemas.SignalDetail as { properties: Json; required: string[] };
    delete detail.properties.teamId;
    detail.required = detail.required.filter((name) => name !== 'teamId');
    return broken;
  };

  it.each([
    ['an operation', withoutClose, ["'closeSignal' does not exist", '/signals/{signalId}/close']],
    ['a field', withoutTeamId, ["Property 'teamId' does not exist"]],
  ])('stops compiling when %s it uses disappears', async (_what, mutate, messages) => {
    const result = await typecheckClient(mutate());

    expect(result.ok).toBe(false);
    for (const message of messages) expect(result.diagnostics).toContain(message);
  });
});
