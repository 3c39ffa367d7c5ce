import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuurtsignaalStack } from '../../infra/buurtsignaal-stack.ts';
import { WebHosting } from '../../infra/constructs/web-hosting.ts';
import { environmentFor, FUNCTIONS, type FunctionDefinition } from '../../infra/function-catalog.ts';
import { OPERATIONS, type OperationDefinition, routeKey } from '../../shared/api/operations.ts';
import { ROLES, type Role } from '../../shared/auth/principal.ts';
import { ENVIRONMENTS } from '../../shared/environments.ts';
import { buildStack, type StackFixture } from './stack-fixture.ts';

const POWERTOOLS_VARIABLES = [
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_METRICS_NAMESPACE',
  'POWERTOOLS_LOG_LEVEL',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

type Properties = Record<string, unknown>;
interface CfnResource {
  readonly Type: string;
  readonly Properties: Properties;
  readonly DeletionPolicy?: string;
  readonly DependsOn?: string[];
}

let fixture: StackFixture;
let stack: BuurtsignaalStack;
let template: Template;
let resources: Record<string, CfnResource>;
let assemblyDirectory: string;
let webAppDirectory: string;

// One synthesis for the whole file: esbuild bundles every function for real, as `npm run synth` does.
beforeAll(() => {
  fixture = buildStack();
  ({ stack, webAppDirectory } = fixture);
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, CfnResource>;
  // Cached by the synthesis above: no second bundling.
  assemblyDirectory = fixture.app.synth().directory;
  // Bundling takes minutes when the machine is busy (the project's default is 120 s).
}, 600_000);

afterAll(() => {
  fixture.dispose();
});

function idOf(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function propertiesOf(construct: IConstruct): Properties {
  const resource = resources[idOf(construct)];
  if (!resource) throw new Error(`No resource for ${construct.node.path}`);
  return resource.Properties;
}

function functionProperties(definition: FunctionDefinition): Properties {
  const fn = stack.functions[definition.id];
  if (!fn) throw new Error(`No function ${definition.id}`);
  return propertiesOf(fn);
}

function routeProperties(operation: OperationDefinition): Properties {
  const routes = Object.values(resources).filter(
    (resource) =>
      resource.Type === 'AWS::ApiGatewayV2::Route' && resource.Properties.RouteKey === routeKey(operation),
  );
  expect(routes).toHaveLength(1);
  return (routes[0] as CfnResource).Properties;
}

/** A resource policy with a statement that refuses every call not made over TLS. */
function denyingInsecureTransport(action: string) {
  return {
    Statement: Match.arrayWith([
      Match.objectLike({
        Effect: 'Deny',
        Action: action,
        Principal: { AWS: '*' },
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    ]),
  };
}

function isBucketDeploymentHandler(logicalId: string): boolean {
  return logicalId.startsWith('CustomCDKBucketDeployment');
}

function resourcesOfType(type: string): [string, CfnResource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

/** How `flatten` shows a Ref, GetAtt, … inside a string. */
function tokenText(value: unknown): string {
  return `{${JSON.stringify(value)}}`;
}

/** Renders a CloudFormation string value (literal or Fn::Join) as one string, tokens as `{json}`. */
function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(flatten).join(join[0]);
  return tokenText(value);
}

/** Every IAM action granted to a function's role. */
function actionsOf(definition: FunctionDefinition): string[] {
  const role = stack.functions[definition.id]?.role;
  if (!role) throw new Error(`No role for ${definition.id}`);
  const roleRef = { Ref: idOf(role) };
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(JSON.stringify(roleRef)))
    .flatMap(
      (policy) =>
        (policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
    )
    .flatMap((statement) => [statement.Action].flat());
}

/** Every IAM policy document that names a function's role, as JSON text. */
function policiesOf(definition: FunctionDefinition): unknown[] {
  const role = stack.functions[definition.id]?.role;
  if (!role) throw new Error(`No role for ${definition.id}`);
  const roleRef = JSON.stringify({ Ref: idOf(role) });
  return Object.values(resources)
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(roleRef))
    .map((policy) => policy.Properties.PolicyDocument);
}

describe('functions (DESIGN §2)', () => {
  it('gives each function the memory its catalog entry asks for (512 MB by default)', () => {
    for (const definition of FUNCTIONS) {
      expect(functionProperties(definition).MemorySize, definition.id).toBe(definition.memoryMb ?? 512);
    }
  });

  it('creates one nodejs24.x arm64 function per catalog entry', () => {
    // The only other function is CDK's BucketDeployment handler for the web app (tested below).
    const functions = Object.entries(resources)
      .filter(([id, resource]) => resource.Type === 'AWS::Lambda::Function' && !isBucketDeploymentHandler(id))
      .map(([, resource]) => resource);
    expect(functions).toHaveLength(FUNCTIONS.length);
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Handler).toBe('index.handler');
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    }
  });

  it('takes each timeout from the catalog and gives each function a log group with retention', () => {
    for (const definition of FUNCTIONS) {
      const properties = functionProperties(definition);
      expect(properties.Timeout).toBe(definition.timeoutSeconds);
      const logGroup = (properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(resources[logGroup]?.Properties.RetentionInDays, definition.id).toBe(90);
    }
  });

  it('sets exactly the variables of the zod environment schema plus the Powertools ones', () => {
    for (const definition of FUNCTIONS) {
      const variables = (functionProperties(definition).Environment as { Variables: Properties }).Variables;
      // On AWS the household secret comes as a Secrets Manager ARN, never as a value (M1).
      // ...nor the DDAS signing key as a file (X3): on AWS it is the KMS key's ARN; nor the BRP's
      // API key as a value (issue 16): on AWS it is a secret's ARN.
      const onlyLocal = ['HOUSEHOLD_KEY_SECRET', 'DDAS_SIGNING_KEY_FILE', 'BRP_API_KEY'];
      const schemaVariables = Object.keys(ENVIRONMENTS[definition.environment].shape).filter(
        (name) => !onlyLocal.includes(name),
      );
      const expected = [...schemaVariables, ...POWERTOOLS_VARIABLES];
      expect(Object.keys(variables).sort(), definition.id).toEqual(expected.sort());
      expect('HOUSEHOLD_KEY_SECRET_ARN' in variables, definition.id).toBe(
        definition.householdSecret === true,
      );
      expect('DDAS_CERTIFICATE_CHAIN_SECRET_ARN' in variables, definition.id).toBe(
        definition.ddasCertificateChain === true,
      );
    }
  });

  it('points the environment at the deployed table and queue', () => {
    const submit = FUNCTIONS.find((definition) => definition.id === 'SubmitCareReport') as FunctionDefinition;
    expect((functionProperties(submit).Environment as { Variables: Properties }).Variables).toMatchObject({
      TABLE_NAME: { Ref: idOf(stack.table) },
      SIGNALS_QUEUE_URL: { Ref: idOf(stack.queues.signals.queue) },
    });
  });

  it('grants only what the catalog says (least privilege)', () => {
    for (const definition of FUNCTIONS) {
      const actions = actionsOf(definition);
      const tableActions = actions.filter((action) => action.startsWith('dynamodb:'));
      const writes = tableActions.filter((action) => WRITE_ACTIONS.includes(action));
      if (!definition.table) expect(tableActions, definition.id).toEqual([]);
      if (definition.table === 'read') expect(tableActions, definition.id).toContain('dynamodb:Query');
      if (definition.table === 'read') expect(writes, definition.id).toEqual([]);
      if (definition.table === 'read-audited')
        expect(writes.sort(), definition.id).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:PutItem']);
      if (definition.table === 'read-write')
        expect(writes.sort(), definition.id).toEqual([...WRITE_ACTIONS].sort());
      expect(actions.includes('sqs:SendMessage'), definition.id).toBe(Boolean(definition.sendsTo?.length));
      expect(actions.includes('sqs:ReceiveMessage'), definition.id).toBe(Boolean(definition.consumes));
    }
  });
});

describe('IAM: least privilege, no wildcard actions', () => {
  /** Wildcard actions are refused everywhere except in these policies, each with its reason. */
  const WILDCARD_ACTIONS_ALLOWED: readonly {
    readonly policy: string;
    readonly matches: (logicalId: string) => boolean;
    readonly actions: readonly string[];
    readonly reason: string;
  }[] = [
    {
      policy: "CDK's BucketDeployment handler role",
      matches: isBucketDeploymentHandler,
      actions: ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*'],
      reason:
        'aws-cdk-lib grants them to copy the static build from the asset bucket into the web bucket ' +
        'at deploy time; the construct cannot narrow them (acknowledged in nag-acknowledgements.ts).',
    },
  ];
  /** X-Ray has no resource-level permissions: these are the only actions allowed on '*'. */
  const ACTIONS_ON_EVERY_RESOURCE = ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
  const READ_ACTIONS = [
    'dynamodb:BatchGetItem',
    'dynamodb:ConditionCheckItem',
    'dynamodb:GetItem',
    'dynamodb:Query',
  ];

  interface Statement {
    readonly Effect: string;
    readonly Action: string | string[];
    readonly Resource: unknown;
    readonly Condition?: unknown;
  }

  /** Every statement of every AWS::IAM::Policy, with the policy's logical id. */
  function statements(): [string, Statement][] {
    return resourcesOfType('AWS::IAM::Policy').flatMap(([id, policy]) =>
      (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map(
        (statement): [string, Statement] => [id, statement],
      ),
    );
  }

  function statementsOf(definition: FunctionDefinition): Statement[] {
    const role = stack.functions[definition.id]?.role as IConstruct;
    return statements()
      .filter(
        ([id]) => JSON.stringify(resources[id]?.Properties.Roles) === JSON.stringify([{ Ref: idOf(role) }]),
      )
      .map(([, statement]) => statement);
  }

  it('grants no wildcard action outside the named allow-list', () => {
    const refused = statements().flatMap(([id, statement]) =>
      [statement.Action]
        .flat()
        .filter((action) => action.includes('*'))
        .filter(
          (action) =>
            !WILDCARD_ACTIONS_ALLOWED.some(
              (allowed) => allowed.matches(id) && allowed.actions.includes(action),
            ),
        )
        .map((action) => `${id}: ${action}`),
    );
    expect(refused, `wildcard actions:\n${refused.join('\n')}`).toEqual([]);
    expect(statements().length).toBeGreaterThan(FUNCTIONS.length);
  });

  it("grants nothing but X-Ray on '*'", () => {
    const onEverything = statements()
      .filter(([, statement]) => [statement.Resource].flat().includes('*'))
      .flatMap(([id, statement]) => [statement.Action].flat().map((action) => `${id}: ${action}`))
      .filter((line) => !ACTIONS_ON_EVERY_RESOURCE.some((action) => line.endsWith(`: ${action}`)));
    expect(onEverything).toEqual([]);
  });

  it('gives read functions only the read actions, read-write ones the four writes too, and nobody Scan', () => {
    const table = { 'Fn::GetAtt': [idOf(stack.table), 'Arn'] };
    for (const definition of FUNCTIONS) {
      const tableStatements = statementsOf(definition).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
      );
      const actions = tableStatements.flatMap((statement) => [statement.Action].flat()).sort();
      const expected = {
        none: [],
        read: READ_ACTIONS,
        'read-audited': [...READ_ACTIONS, 'dynamodb:BatchWriteItem', 'dynamodb:PutItem'].sort(),
        'read-write': [...READ_ACTIONS, ...WRITE_ACTIONS].sort(),
      }[definition.table ?? 'none'];
      expect(actions, definition.id).toEqual(expected);
      for (const statement of tableStatements) {
        if (statement.Condition) {
          // read-audited (P3): it may put audit entries, and only items whose partition is AUDIT#…
          expect(definition.table, definition.id).toBe('read-audited');
          expect(statement.Resource, definition.id).toEqual(table);
          expect(statement.Condition).toEqual({
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] },
          });
        } else {
          expect(statement.Resource, definition.id).toEqual([
            table,
            { 'Fn::Join': ['', [table, '/index/*']] },
          ]);
        }
      }
    }
    const scans = statements().filter(([, statement]) => [statement.Action].flat().includes('dynamodb:Scan'));
    expect(scans).toEqual([]);
  });

  it('lets functions only decrypt with the data key, and make data keys where they send messages', () => {
    for (const definition of FUNCTIONS) {
      const keyActions = statementsOf(definition)
        .filter((statement) => JSON.stringify(statement.Resource).includes(idOf(stack.encryptionKey)))
        .flatMap((statement) => [statement.Action].flat());
      const sends = Boolean(definition.sendsTo?.length || definition.notifies);
      const usesKey =
        sends ||
        Boolean(
          definition.table ||
            definition.consumes ||
            definition.householdSecret ||
            definition.ddasCertificateChain,
        );
      expect([...new Set(keyActions)].sort(), definition.id).toEqual([
        ...(usesKey ? ['kms:Decrypt'] : []),
        ...(sends ? ['kms:GenerateDataKey'] : []),
      ]);
    }
  });

  it('lets only DeliverDdas and DdasCertificate read the DDAS certificate chain (X3, issue 14)', () => {
    const secret = { Ref: idOf(stack.ddasSigning.certificateChain) };
    const readers = FUNCTIONS.filter((definition) =>
      statementsOf(definition).some(
        (statement) =>
          [statement.Action].flat().includes('secretsmanager:GetSecretValue') &&
          // CDK merges statements with the same actions: the secret may be one of several resources.
          [statement.Resource].flat().some((resource) => JSON.stringify(resource) === JSON.stringify(secret)),
      ),
    ).map((definition) => definition.id);
    expect(readers.sort()).toEqual(['DdasCertificate', 'DeliverDdas']);
    // ...and no other policy in the stack names it, nor any secretsmanager action on '*'.
    const readerPolicies = readers.map((id) => {
      const role = stack.functions[id]?.role as IConstruct;
      return JSON.stringify([{ Ref: idOf(role) }]);
    });
    const others = statements().filter(
      ([id, statement]) =>
        !readerPolicies.includes(JSON.stringify(resources[id]?.Properties.Roles)) &&
        [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')) &&
        (JSON.stringify(statement.Resource).includes(idOf(stack.ddasSigning.certificateChain)) ||
          statement.Resource === '*'),
    );
    expect(others).toEqual([]);
  });

  it('lets each function write only to its own log group, with no managed policy', () => {
    for (const definition of FUNCTIONS) {
      const properties = functionProperties(definition);
      const logGroup = (properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const logStatements = statementsOf(definition).filter((statement) =>
        [statement.Action].flat().some((action) => action.startsWith('logs:')),
      );
      expect(logStatements, definition.id).toEqual([
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [logGroup, 'Arn'] },
        },
      ]);
      const role = (properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(resources[role]?.Properties.ManagedPolicyArns, definition.id).toBeUndefined();
    }
  });
});

describe('table (DESIGN §4, P1)', () => {
  it('has pk/sk, the five GSIs, TTL on expiresAt, PITR, on-demand billing and the customer key', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'inbox',
          KeySchema: [
            { AttributeName: 'inboxPk', KeyType: 'HASH' },
            { AttributeName: 'inboxSk', KeyType: 'RANGE' },
          ],
          // Issue 13: what the team list, its counts, the first-contact KPI, the team calendar and the
          // escalation list read from it, nothing more (one write unit per signal, not two); the local table agrees.
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: [
              'signalId',
              'source',
              'kind',
              'receivedAt',
              'dueDate',
              'deadlineAt',
              'escalationLevel',
              'dominantProblem',
              'routing',
              'flags',
              'person',
              'address',
              'firstContactAt',
              'status',
              'expiresAt',
              // Issue 17: the first conversation's summary (A1–A3) in the place of firstContactInTime.
              'firstConversation',
              'teamId',
              'level',
              'at',
              'recipient',
            ],
          },
        },
        {
          IndexName: 'awaiting-contact',
          KeySchema: [
            { AttributeName: 'awaitingPk', KeyType: 'HASH' },
            { AttributeName: 'awaitingSk', KeyType: 'RANGE' },
          ],
          // D5: the sweep needs only the keys (signal id and level are in the sort key).
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
        {
          IndexName: 'retention',
          KeySchema: [
            { AttributeName: 'retentionPk', KeyType: 'HASH' },
            { AttributeName: 'retentionSk', KeyType: 'RANGE' },
          ],
          // P1: the purge needs only the keys (signal id and expiry).
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
        {
          IndexName: 'received',
          KeySchema: [
            { AttributeName: 'receivedPk', KeyType: 'HASH' },
            { AttributeName: 'receivedSk', KeyType: 'RANGE' },
          ],
          // X1 (issue 14): the DDAS delivery counts and pages by receipt day, skipping what P1 expired.
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['expiresAt'] },
        },
        {
          IndexName: 'calendar',
          KeySchema: [
            { AttributeName: 'calendarPk', KeyType: 'HASH' },
            { AttributeName: 'calendarSk', KeyType: 'RANGE' },
          ],
          // A1 (issue 17): the team calendar shows who, where and when, skipping what P1 expired.
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: [
              'signalId',
              'kind',
              'dominantProblem',
              'person',
              'address',
              'firstConversation',
              'expiresAt',
            ],
          },
        },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [idOf(stack.encryptionKey), 'Arn'] },
      },
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('uses one customer-managed data key with rotation, and one signing key for DDAS', () => {
    template.resourceCountIs('AWS::KMS::Key', 2);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('lets only the DDAS function sign with the DDAS key, never the account itself (X3)', () => {
    const [[, key] = []] = resourcesOfType('AWS::KMS::Key').filter(
      ([, resource]) => resource.Properties.KeyUsage === 'SIGN_VERIFY',
    );
    if (!key) throw new Error('the stack has no signing key');
    expect(key.Properties).toMatchObject({ KeySpec: 'RSA_3072', KeyUsage: 'SIGN_VERIFY' });
    const statements = (key.Properties.KeyPolicy as { Statement: Properties[] }).Statement;
    const signers = statements.filter(
      (statement) =>
        statement.Effect === 'Allow' &&
        [statement.Action].flat().some((action) => action === 'kms:Sign' || action === 'kms:*'),
    );
    expect(signers).toHaveLength(1);
    const deliver = FUNCTIONS.find((definition) => definition.id === 'DeliverDdas') as FunctionDefinition;
    expect(JSON.stringify(signers[0]?.Principal)).toContain(
      String((functionProperties(deliver).Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]),
    );
  });
});

describe('DDAS certificate chain (X3, issue 14)', () => {
  it('keeps the chain in a secret of the stack, encrypted with the data key like the household secret', () => {
    const chain = resources[idOf(stack.ddasSigning.certificateChain)] as CfnResource;
    const household = resources[idOf(stack.householdSecret)] as CfnResource;
    expect(chain.Type).toBe('AWS::SecretsManager::Secret');
    const dataKey = { 'Fn::GetAtt': [idOf(stack.encryptionKey), 'Arn'] };
    expect(chain.Properties.KmsKeyId).toEqual(dataKey);
    expect(household.Properties.KmsKeyId).toEqual(dataKey);
    // A placeholder the template never changes, so a deployment never overwrites the operator's chain.
    expect(chain.Properties.SecretString).toBe('nog-niet-uitgegeven');
    expect(chain.DeletionPolicy).toBe('Retain');
    template.hasOutput('DdasCertificateChainSecretArn', {
      Value: { Ref: idOf(stack.ddasSigning.certificateChain) },
    });
  });

  it('takes the kid as a stack parameter but no longer the chain (4 KB at most)', () => {
    const parameters = Object.keys(template.toJSON().Parameters as Record<string, unknown>);
    expect(parameters).toContain('DdasSigningKid');
    expect(parameters).not.toContain('DdasCertificateChain');
    for (const definition of FUNCTIONS) {
      const variables = (functionProperties(definition).Environment as { Variables: Properties }).Variables;
      expect(variables, definition.id).not.toHaveProperty('DDAS_CERTIFICATE_CHAIN');
      if (definition.ddasCertificateChain) {
        expect(variables.DDAS_CERTIFICATE_CHAIN_SECRET_ARN, definition.id).toEqual({
          Ref: idOf(stack.ddasSigning.certificateChain),
        });
      }
    }
  });
});

describe('signals queue (DESIGN D4)', () => {
  it('redrives to its DLQ after 5 receives', () => {
    const { queue, deadLetterQueue } = stack.queues.signals;
    expect(propertiesOf(queue).RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [idOf(deadLetterQueue), 'Arn'] },
      maxReceiveCount: 5,
    });
  });

  it('has a visibility timeout of at least six times the RouteSignals timeout', () => {
    const routeSignals = FUNCTIONS.find(
      (definition) => definition.id === 'RouteSignals',
    ) as FunctionDefinition;
    const timeout = functionProperties(routeSignals).Timeout as number;
    expect(timeout).toBe(30);
    expect(propertiesOf(stack.queues.signals.queue).VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('encrypts the queue and its DLQ with the customer key and denies plain HTTP', () => {
    for (const queue of [stack.queues.signals.queue, stack.queues.signals.deadLetterQueue]) {
      expect(propertiesOf(queue).KmsMasterKeyId).toEqual({
        'Fn::GetAtt': [idOf(stack.encryptionKey), 'Arn'],
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: idOf(queue) }],
        PolicyDocument: denyingInsecureTransport('sqs:*'),
      });
    }
  });

  it('feeds RouteSignals and Escalate in batches of 10, ContinueUploads one upload at a time, with partial batch failures', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 3);
    for (const [fn, queue, batchSize] of [
      [stack.functions.RouteSignals, stack.queues.signals.queue, 10],
      [stack.functions.Escalate, stack.queues.escalations.queue, 10],
      [stack.functions.ContinueUploads, stack.queues.uploads.queue, 1],
    ] as const) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: idOf(fn as IConstruct) },
        EventSourceArn: { 'Fn::GetAtt': [idOf(queue), 'Arn'] },
        BatchSize: batchSize,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('runs the intake reconciler every 5 minutes (DESIGN I1), sending to the signals and uploads queues only', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [idOf(stack.functions.ReconcileIntake as IConstruct), 'Arn'] },
        }),
      ],
    });
    const reconciler = FUNCTIONS.find((definition) => definition.id === 'ReconcileIntake');
    expect(reconciler?.sendsTo).toEqual(['signals', 'uploads']);
  });

  it('runs the sweep every 15 minutes (DESIGN D5) and lets only Escalate publish to the topic', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [idOf(stack.functions.Sweep as IConstruct), 'Arn'] } }),
      ],
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    const publishers = FUNCTIONS.filter((definition) => actionsOf(definition).includes('sns:Publish'));
    expect(publishers.map((definition) => definition.id)).toEqual(['Escalate']);
  });

  it('alarms when escalations fall due (overdue first contacts) and on the escalations DLQ', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Buurtsignaal',
      MetricName: 'EscalationsDue',
      ComparisonOperator: 'GreaterThanThreshold',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [idOf(stack.queues.escalations.deadLetterQueue), 'QueueName'] },
        },
      ],
    });
  });

  it('raises an alarm as soon as the DLQ holds a message', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [idOf(stack.queues.signals.deadLetterQueue), 'QueueName'] },
        },
      ],
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
    });
  });

  it('alarms on the first record a consumer gives up on (issue 7, acceptance 4), like on the DLQ depth', () => {
    for (const [queue, metricName] of [
      [stack.queues.signals, 'SignalDeadLettered'],
      [stack.queues.escalations, 'EscalationDeadLettered'],
    ] as const) {
      const alarm = resources[idOf(queue.deadLetteredAlarm)];
      const depthAlarm = resources[idOf(queue.deadLetterAlarm)];

      expect(alarm?.Properties).toMatchObject({
        Namespace: 'Buurtsignaal',
        MetricName: metricName,
        Dimensions: [{ Name: 'service', Value: 'buurtsignaal' }],
        Statistic: 'Sum',
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        EvaluationPeriods: 1,
      });
      // Whatever notifies on the DLQ depth notifies on this one too.
      expect(alarm?.Properties.AlarmActions).toEqual(depthAlarm?.Properties.AlarmActions);
    }
  });
});

describe('HTTP API and identity (DESIGN P4)', () => {
  it('has a JWT authorizer with the Cognito issuer and the app clients as audience', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [idOf(stack.identity.userPool), 'ProviderURL'] }]],
        },
        Audience: [stack.identity.webClient, ...stack.identity.partnerClients].map((client) => ({
          Ref: idOf(client),
        })),
      },
    });
  });

  it('protects every non-public route with the JWT authorizer and leaves /health and /openapi.json open', () => {
    const operations: OperationDefinition[] = Object.values(OPERATIONS);
    template.resourceCountIs('AWS::ApiGatewayV2::Route', operations.length);
    const authorizerId = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'))[0];
    for (const operation of operations) {
      const route = routeProperties(operation);
      if (operation.roles === 'public' || operation.verifiesOwnToken) {
        expect(route.AuthorizationType, routeKey(operation)).toBe('NONE');
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect(route.AuthorizationType, routeKey(operation)).toBe('JWT');
        expect(route.AuthorizerId).toEqual({ Ref: authorizerId });
      }
    }
    expect(routeProperties(OPERATIONS.health).AuthorizationType).toBe('NONE');
    expect(routeProperties(OPERATIONS.openApi).AuthorizationType).toBe('NONE');
  });

  it('leaves the DDAS route to its function, which verifies the Cognito access token itself (issue 14)', () => {
    // API Gateway's authorizer would answer 401 itself, without the Fsc-Error-Code DDAS-VS requires.
    const ownToken = (Object.values(OPERATIONS) as OperationDefinition[]).filter(
      (operation) => operation.verifiesOwnToken,
    );
    expect(ownToken).toEqual([OPERATIONS.ddasGegevens]);
    const route = routeProperties(OPERATIONS.ddasGegevens);
    expect(route.AuthorizationType).toBe('NONE');
    expect(route.AuthorizerId).toBeUndefined();

    // ...with what the JWT authorizer checks: the same issuer, its key set, the same app clients.
    const deliver = FUNCTIONS.find((definition) => definition.id === 'DeliverDdas') as FunctionDefinition;
    const variables = (functionProperties(deliver).Environment as { Variables: Properties }).Variables;
    expect(Object.keys(variables)).toEqual(
      expect.arrayContaining(['ACCESS_TOKEN_ISSUER', 'ACCESS_TOKEN_JWKS_URL', 'ACCESS_TOKEN_CLIENT_IDS']),
    );
    const issuer = `https://${tokenText({ 'Fn::GetAtt': [idOf(stack.identity.userPool), 'ProviderURL'] })}`;
    expect(flatten(variables.ACCESS_TOKEN_ISSUER)).toBe(issuer);
    expect(flatten(variables.ACCESS_TOKEN_JWKS_URL)).toBe(`${issuer}/.well-known/jwks.json`);
    const clients = [stack.identity.webClient, ...stack.identity.partnerClients];
    expect(flatten(variables.ACCESS_TOKEN_CLIENT_IDS)).toBe(
      clients.map((client) => tokenText({ Ref: idOf(client) })).join(','),
    );
    // The only function that verifies tokens itself.
    for (const definition of FUNCTIONS.filter((candidate) => candidate !== deliver)) {
      const others = (functionProperties(definition).Environment as { Variables: Properties }).Variables;
      expect(
        Object.keys(others).filter((name) => name.startsWith('ACCESS_TOKEN_')),
        definition.id,
      ).toEqual([]);
    }
  });

  it('sends each route to the function the catalog names', () => {
    for (const definition of FUNCTIONS) {
      for (const name of definition.operations ?? []) {
        const target = routeProperties(OPERATIONS[name]).Target as {
          'Fn::Join': [string, [string, { Ref: string }]];
        };
        const integration = resources[target['Fn::Join'][1][1].Ref] as CfnResource;
        expect(integration.Properties.IntegrationUri, name).toEqual({
          'Fn::GetAtt': [idOf(stack.functions[definition.id] as IConstruct), 'Arn'],
        });
      }
    }
  });

  it('throttles the partner routes to 5 requests a second (bursts of 10), and only those', () => {
    // CBS's DDAS route (X3: throttled on AWS) is a machine client's route like the partners'.
    const partnerRoles: readonly Role[] = ['housing-corporation', 'energy-forwarder', 'police', 'cbs'];
    const partnerOnly = (Object.values(OPERATIONS) as OperationDefinition[]).filter(
      (operation) =>
        operation.roles !== 'public' && operation.roles.every((role) => partnerRoles.includes(role)),
    );
    const partnerRouteKeys = partnerOnly.map(routeKey);
    // The intake routes themselves must be among them, whatever else partners may call.
    expect(partnerRouteKeys).toEqual(
      expect.arrayContaining([
        'POST /intake/rent-arrears',
        'POST /intake/energy-debts',
        'POST /intake/care-reports',
      ]),
    );
    const throttle = { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 };
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      RouteSettings: Object.fromEntries(partnerRouteKeys.map((key) => [key, throttle])),
    });
    const [[, stage] = []] = resourcesOfType('AWS::ApiGatewayV2::Stage');
    expect(Object.keys(stage?.Properties.RouteSettings as Properties).sort()).toEqual(
      [...partnerRouteKeys].sort(),
    );
    // CloudFormation rejects route settings for a route that does not exist yet.
    const routeIds = resourcesOfType('AWS::ApiGatewayV2::Route')
      .filter(([, route]) => partnerRouteKeys.includes(route.Properties.RouteKey as string))
      .map(([id]) => id);
    expect(routeIds).toHaveLength(partnerRouteKeys.length);
    expect(stage?.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });

  it('writes an access log line per request: request id, route, status, caller, no paths or bodies', () => {
    const [[, stage] = []] = resourcesOfType('AWS::ApiGatewayV2::Stage');
    const settings = stage?.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string };
    expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [idOf(stack.accessLogs), 'Arn'] });
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
      subject: '$context.authorizer.claims.sub',
      sourceIp: '$context.identity.sourceIp',
    });
    // Paths carry ids at most, but query strings and bodies may carry anything (P2).
    expect(Object.values(format).join(' ')).not.toMatch(/\$context\.(path|requestBody|querystring)/i);
    expect(resources[idOf(stack.accessLogs)]?.Properties.RetentionInDays).toBe(90);
  });

  it('throttles the default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });

  it('has a user pool without self sign-up, a group per role and a custom scope attribute', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      // TOTP only, no SMS.
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      // Threat protection: leaked-password detection and risk-based challenges for people.
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'scope', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', ROLES.length);
    for (const role of ROLES)
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
    // A user must not be able to widen their own scope.
    expect(propertiesOf(stack.identity.webClient).WriteAttributes).not.toContain('custom:scope');
  });

  it('gives partners client-credentials clients limited to their own buurtsignaal scope', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', { Identifier: 'buurtsignaal' });
    for (const client of stack.identity.partnerClients) {
      const properties = propertiesOf(client);
      expect(properties.AllowedOAuthFlows).toEqual(['client_credentials']);
      expect(properties.GenerateSecret).toBe(true);
      expect(properties.AllowedOAuthScopes).toHaveLength(1);
    }
  });
});

describe('environmentFor', () => {
  const routeSignals = FUNCTIONS.find((definition) => definition.id === 'RouteSignals') as FunctionDefinition;

  it('throws when a required value is missing, naming the variable', () => {
    expect(() =>
      environmentFor(routeSignals, {
        tableName: '',
        queueUrls: {
          signals: 'https://sqs/signals',
          escalations: 'https://sqs/escalations',
          uploads: 'https://sqs/uploads',
        },
        notifier: { kind: 'outbox' },
        householdSecret: { arn: 'arn:aws:secretsmanager:eu-west-1:1:secret:x' },
        ddasSigning: { keyFile: '/data/ddas-signing.pem' },
      }),
    ).toThrow(/TABLE_NAME/);
  });

  it('returns exactly the variables of the schema', () => {
    expect(
      environmentFor(routeSignals, {
        tableName: 't',
        queueUrls: { signals: 'q', escalations: 'e', uploads: 'u' },
        householdSecret: { arn: 'arn:s' },
        notifier: { kind: 'outbox' },
        ddasSigning: { keyFile: '/data/ddas-signing.pem' },
      }),
    ).toEqual({
      TABLE_NAME: 't',
      HOUSEHOLD_KEY_SECRET_ARN: 'arn:s',
      ESCALATIONS_QUEUE_URL: 'e',
      // A default of the schema: the BRP is asked only when BRP_API_URL is given (issue 16).
      BRP_TIMEOUT_MS: '2000',
    });
  });

  it('issue 16: the BRP functions read its secrets on AWS, and only they may (least privilege)', () => {
    const brpSecrets = [stack.brpConnection.apiKey, stack.brpConnection.clientCertificate].map((secret) =>
      idOf(secret),
    );
    for (const definition of FUNCTIONS) {
      const variables = (functionProperties(definition).Environment as { Variables: Properties }).Variables;
      expect('BRP_CLIENT_CERTIFICATE_SECRET_ARN' in variables, definition.id).toBe(definition.brp === true);
      const policies = JSON.stringify(policiesOf(definition));
      for (const secret of brpSecrets)
        expect(policies.includes(secret), definition.id).toBe(definition.brp === true);
    }
    expect(FUNCTIONS.filter((definition) => definition.brp).map((definition) => definition.id)).toEqual([
      'RouteSignals',
      'RetryCompositions',
    ]);
  });
});

describe('web app on S3 + CloudFront (DESIGN §2)', () => {
  const distributionDomain = () => ({ 'Fn::GetAtt': [idOf(stack.webApp.distribution), 'DomainName'] });
  const webUrl = () => ({ 'Fn::Join': ['', ['https://', distributionDomain(), '/']] });

  function csp(): string {
    const [policy] = resourcesOfType('AWS::CloudFront::ResponseHeadersPolicy');
    if (!policy) throw new Error('No response headers policy');
    const config = policy[1].Properties.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
    };
    return flatten(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
  }

  /** The hashed assets are deployed without pruning, the entry files (index.html, config.json) with. */
  function deployment(kind: 'assets' | 'entry'): [string, Properties] {
    const all = resourcesOfType('Custom::CDKBucketDeployment');
    expect(all).toHaveLength(2);
    const found = all.find(([, resource]) => resource.Properties.Prune === (kind === 'entry'));
    if (!found) throw new Error(`No ${kind} deployment`);
    return [found[0], found[1].Properties];
  }

  it('keeps the bucket private, encrypted, versioned and HTTPS-only', () => {
    const bucket = idOf(stack.webApp.bucket);
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
      }),
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucket },
      PolicyDocument: denyingInsecureTransport('s3:*'),
    });
  });

  it('logs the bucket and the distribution into a private, HTTPS-only log bucket that keeps 90 days', () => {
    const logBucket = idOf(stack.webApp.accessLogBucket);
    expect(propertiesOf(stack.webApp.bucket).LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logBucket },
      LogFilePrefix: 's3/',
    });
    expect((propertiesOf(stack.webApp.distribution).DistributionConfig as Properties).Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucket, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    expect(propertiesOf(stack.webApp.accessLogBucket)).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 90 })] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logBucket },
      PolicyDocument: denyingInsecureTransport('s3:*'),
    });
  });

  it('lets only this distribution read the bucket, through Origin Access Control', () => {
    const [oac] = resourcesOfType('AWS::CloudFront::OriginAccessControl');
    expect(oac?.[1].Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const origins = (propertiesOf(stack.webApp.distribution).DistributionConfig as { Origins: Properties[] })
      .Origins;
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({
      DomainName: { 'Fn::GetAtt': [idOf(stack.webApp.bucket), 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [oac?.[0], 'Id'] },
      // No legacy origin access identity.
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    const statements = template.findResources('AWS::S3::BucketPolicy');
    const allows = Object.values(statements)
      .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Properties[] }).Statement)
      .filter((statement) => statement.Effect === 'Allow');
    // The bucket policy grants nothing else (the deployment handler writes through its IAM role).
    expect(allows).toHaveLength(1);
    expect(allows[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
    });
    expect(JSON.stringify(allows[0]?.Condition)).toContain(idOf(stack.webApp.distribution));
  });

  it('redirects to HTTPS, serves index.html at / and sends the security headers policy', () => {
    const [policy] = resourcesOfType('AWS::CloudFront::ResponseHeadersPolicy');
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({
          ViewerProtocolPolicy: 'redirect-to-https',
          ResponseHeadersPolicyId: { Ref: policy?.[0] },
        }),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: Match.objectLike({ Override: true }),
          ContentSecurityPolicy: Match.objectLike({ Override: true }),
        }),
      }),
    });
  });

  it('has a CSP that allows code only from itself and connections only to itself, the API and Cognito', () => {
    const directives = Object.fromEntries(
      csp()
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual([
      "'self'",
      'https://*.execute-api.eu-west-1.{{"Ref":"AWS::URLSuffix"}}',
      'https://buurtsignaal-{{"Ref":"AWS::AccountId"}}.auth.eu-west-1.amazoncognito.com',
    ]);
    expect(csp()).not.toContain('unsafe');
  });

  it('routes unknown paths to index.html with 200, uncached, for client-side routing', () => {
    expect(
      (propertiesOf(stack.webApp.distribution).DistributionConfig as Properties).CustomErrorResponses,
    ).toEqual(
      [403, 404].map((code) => ({
        ErrorCode: code,
        ResponseCode: 200,
        ResponsePagePath: '/index.html',
        ErrorCachingMinTTL: 0,
      })),
    );
  });

  it('deploys hashed assets for a year and index.html and config.json with no-cache, in that order', () => {
    const bucket = { Ref: idOf(stack.webApp.bucket) };
    const [assetsId, assets] = deployment('assets');
    const [entryId, entry] = deployment('entry');
    expect(assets).toMatchObject({
      DestinationBucketName: bucket,
      Exclude: ['*'],
      Include: ['assets/*'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(entry).toMatchObject({
      DestinationBucketName: bucket,
      // Pruning must never reach the hashed assets of a release a browser may still be running.
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // A new index.html only once the files it references are there.
    expect(resources[entryId]?.DependsOn).toContain(assetsId);
    expect(
      resourcesOfType('AWS::Lambda::Function').filter(([id]) => isBucketDeploymentHandler(id)),
    ).toHaveLength(1);
  });

  it('writes config.json for Cognito mode from the deployed API, user pool, web client and distribution', () => {
    const [, entry] = deployment('entry');
    const keys = entry.SourceObjectKeys as string[];
    const markers = entry.SourceMarkers as Record<string, unknown>[];
    const index = markers.findIndex((sourceMarkers) => Object.keys(sourceMarkers).length > 0);
    const assetDirectory = join(assemblyDirectory, `asset.${(keys[index] as string).replace(/\.zip$/, '')}`);
    // The deployment replaces each marker with the value CloudFormation resolves for it.
    const fill = (value: unknown): unknown =>
      typeof value === 'string'
        ? value.replace(/<<marker:0xbaba:\d+>>/g, (marker) => tokenText(markers[index]?.[marker]))
        : Object.fromEntries(Object.entries(value as Properties).map(([key, inner]) => [key, fill(inner)]));
    expect(fill(JSON.parse(readFileSync(join(assetDirectory, 'config.json'), 'utf8')))).toEqual({
      mode: 'cognito',
      apiUrl: tokenText({ 'Fn::GetAtt': [idOf(stack.api), 'ApiEndpoint'] }),
      cognito: {
        domain: `https://buurtsignaal-${tokenText({ Ref: 'AWS::AccountId' })}.auth.eu-west-1.amazoncognito.com`,
        clientId: tokenText({ Ref: idOf(stack.identity.webClient) }),
        region: 'eu-west-1',
        userPoolId: tokenText({ Ref: idOf(stack.identity.userPool) }),
        redirectUri: `https://${tokenText(distributionDomain())}/`,
      },
    });
  });

  it('allows the web app origin, the authorization header and every API method in CORS', () => {
    const cors = propertiesOf(stack.api).CorsConfiguration as Properties;
    expect(cors.AllowOrigins).toEqual([{ 'Fn::Join': ['', ['https://', distributionDomain()]] }]);
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    const methods = new Set(
      Object.values(OPERATIONS).map((operation: OperationDefinition) => operation.method),
    );
    expect(cors.AllowMethods).toEqual(expect.arrayContaining([...methods, 'OPTIONS']));
    // Bearer tokens, no cookies: credentials stay off.
    expect(cors.AllowCredentials).toBeUndefined();
    expect(cors.MaxAge).toBe(86_400);
  });

  it('lets the web client sign in through the hosted UI (code flow, no secret) and return to the app', () => {
    const client = propertiesOf(stack.identity.webClient);
    expect(client.CallbackURLs).toEqual([webUrl()]);
    expect(client.LogoutURLs).toEqual([webUrl()]);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthScopes).toContain('openid');
    expect(client.GenerateSecret).toBe(false);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it('outputs the web app URL', () => {
    template.hasOutput('WebAppUrl', { Value: webUrl() });
  });

  it('has no dependency cycle between the API, Cognito and the distribution (or anything else)', () => {
    const all = template.toJSON().Resources as Record<string, { DependsOn?: string[] }>;
    const edges = new Map<string, Set<string>>();
    for (const [id, resource] of Object.entries(all)) {
      const text = JSON.stringify({ ...resource, DependsOn: undefined });
      const targets = new Set(resource.DependsOn ?? []);
      for (const match of text.matchAll(/"Ref":"([^"]+)"|"Fn::GetAtt":\["([^"]+)"|\$\{([^}.]+)/g)) {
        const target = match[1] ?? match[2] ?? match[3];
        if (target && target in all) targets.add(target);
      }
      edges.set(id, targets);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'visiting') throw new Error(`Cycle: ${[...path, id].join(' -> ')}`);
      state.set(id, 'visiting');
      for (const target of edges.get(id) ?? []) visit(target, [...path, id]);
      state.set(id, 'done');
    };
    for (const id of edges.keys()) visit(id, []);
  });

  it('refuses to synthesize without a web build, and says how to make one', () => {
    const empty = mkdtempSync(join(tmpdir(), 'buurtsignaal-noweb-'));
    try {
      expect(() => new BuurtsignaalStack(new App(), 'NoWeb', { webAppDirectory: empty })).toThrow(
        /npm run build:web/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('fails synthesis when the entry files and config.json are never published', () => {
    const app = new App();
    const bare = new Stack(app, 'Bare', { env: { region: 'eu-west-1' } });
    new WebHosting(bare, 'WebApp', {
      appDirectory: webAppDirectory,
      connectSources: [],
      encryptionKey: new Key(bare, 'Key'),
    });
    expect(() => app.synth()).toThrow(/publish\(\) was never called/);
  });
});

describe('operations (issue 13): alarms, logs, retention, dashboard', () => {
  /** Every alarm of the stack by name; docs/operations.md explains each. */
  const ALARM_NAMES = [
    'Buurtsignaal-signals-dlq',
    'Buurtsignaal-signals-dead-lettered',
    'Buurtsignaal-signals-oldest-message',
    'Buurtsignaal-uploads-dlq',
    'Buurtsignaal-uploads-dead-lettered',
    'Buurtsignaal-uploads-oldest-message',
    'Buurtsignaal-escalations-dlq',
    'Buurtsignaal-escalations-dead-lettered',
    'Buurtsignaal-escalations-oldest-message',
    'Buurtsignaal-overdue-signals',
    'Buurtsignaal-api-5xx-rate',
    'Buurtsignaal-router-errors',
    'Buurtsignaal-router-throttles',
    'Buurtsignaal-scheduled-job-errors',
  ];
  const keyArn = () => ({ 'Fn::GetAtt': [idOf(stack.encryptionKey), 'Arn'] });
  const topicRef = () => ({ Ref: idOf(stack.monitoring.alarmTopic) });

  /** The statements of the customer key's policy. */
  function keyStatements(): Properties[] {
    return (propertiesOf(stack.encryptionKey).KeyPolicy as { Statement: Properties[] }).Statement;
  }

  it('has exactly the alarms docs/operations.md explains, each by name', () => {
    const names = resourcesOfType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties.AlarmName);
    expect([...names].sort()).toEqual([...ALARM_NAMES].sort());
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'operations.md'), 'utf8');
    for (const name of ALARM_NAMES) expect(doc, name).toContain(`\`${name.replace('Buurtsignaal-', '')}\``);
  });

  it('sends every alarm to the alarm topic, on ALARM and on OK', () => {
    const alarms = resourcesOfType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThanOrEqual(ALARM_NAMES.length);
    for (const [id, alarm] of alarms) {
      expect(alarm.Properties.AlarmActions, id).toEqual([topicRef()]);
      expect(alarm.Properties.OKActions, id).toEqual([topicRef()]);
      expect(alarm.Properties.ActionsEnabled, id).not.toBe(false);
    }
  });

  it('encrypts the alarm topic with the customer key, refuses plain HTTP and admits only this account’s alarms', () => {
    expect(propertiesOf(stack.monitoring.alarmTopic).KmsMasterKeyId).toEqual(keyArn());
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topicRef()],
      PolicyDocument: {
        Statement: Match.arrayWith([
          // aws-cdk-lib writes this one Principal as "*" for topics.
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sns:Publish',
            Principal: '*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnLike: { 'aws:SourceArn': Match.anyValue() },
            },
          }),
        ]),
      },
    });
    // Without this, CloudWatch cannot publish to a topic encrypted with a customer-managed key.
    expect(keyStatements()).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });

  it('takes the alarm address as the AlarmEmail parameter and subscribes it only when given', () => {
    template.hasParameter('AlarmEmail', { Type: 'String', Default: '' });
    const subscriptions = resourcesOfType('AWS::SNS::Subscription');
    expect(subscriptions).toHaveLength(1);
    const [[, subscription] = []] = subscriptions as [string, CfnResource & { Condition?: string }][];
    expect(subscription?.Properties).toEqual({
      Protocol: 'email',
      Endpoint: { Ref: 'AlarmEmail' },
      TopicArn: topicRef(),
    });
    const conditions = template.toJSON().Conditions as Record<string, unknown>;
    expect(conditions[subscription?.Condition as string]).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmEmail' }, ''] }],
    });
  });

  it('encrypts every log group with the customer key and keeps it 90 days', () => {
    const logGroups = resourcesOfType('AWS::Logs::LogGroup');
    // One per function, the API access log and the BucketDeployment handler's.
    expect(logGroups).toHaveLength(FUNCTIONS.length + 2);
    for (const [id, logGroup] of logGroups) {
      expect(logGroup.Properties.KmsKeyId, id).toEqual(keyArn());
      expect(logGroup.Properties.RetentionInDays, id).toBe(90);
    }
    const [[, handler] = []] = resourcesOfType('AWS::Lambda::Function').filter(([id]) =>
      isBucketDeploymentHandler(id),
    );
    expect(handler?.Properties.LoggingConfig).toEqual({
      LogGroup: { Ref: idOf(stack.webApp.deploymentLogs) },
    });
  });

  it('lets CloudWatch Logs use the key only for log groups of this account and region', () => {
    expect(keyStatements()).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': {
              'Fn::Join': ['', ['arn:aws:logs:eu-west-1:', { Ref: 'AWS::AccountId' }, ':log-group:*']],
            },
          },
        },
      }),
    );
  });

  it('lets no principal but an AWS service create grants on the key (CT.KMS.PR.3)', () => {
    expect(keyStatements()).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:CreateGrant',
        Condition: {
          BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
        },
      }),
    );
  });

  it('keeps messages 14 days in every work queue, as long as in its DLQ', () => {
    for (const [name, { queue, deadLetterQueue }] of Object.entries(stack.queues)) {
      expect(propertiesOf(queue).MessageRetentionPeriod, name).toBe(1_209_600);
      expect(propertiesOf(deadLetterQueue).MessageRetentionPeriod, name).toBe(1_209_600);
    }
  });

  it('alarms when the oldest message of a work queue waits longer than its retries can explain', () => {
    for (const [name, { queue, oldestMessageAlarm }] of Object.entries(stack.queues)) {
      const visibility = propertiesOf(queue).VisibilityTimeout as number;
      const { maxReceiveCount } = (propertiesOf(queue).RedrivePolicy as { maxReceiveCount: number }) ?? {};
      expect(propertiesOf(oldestMessageAlarm), name).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [idOf(queue), 'QueueName'] } }],
        Threshold: (maxReceiveCount + 1) * visibility,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('alarms on the API 5xx rate, the router’s errors and throttles, and failing scheduled jobs', () => {
    const { apiServerErrorAlarm, routerErrorAlarm, routerThrottleAlarm, scheduledJobErrorAlarm } =
      stack.monitoring;
    const api = propertiesOf(apiServerErrorAlarm);
    expect(JSON.stringify(api.Metrics)).toContain('"MetricName":"5xx"');
    expect(JSON.stringify(api.Metrics)).toContain('"MetricName":"Count"');
    expect(api).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold' });
    const router = { Name: 'FunctionName', Value: { Ref: idOf(stack.functions.RouteSignals as IConstruct) } };
    expect(propertiesOf(routerErrorAlarm)).toMatchObject({ MetricName: 'Errors', Dimensions: [router] });
    expect(propertiesOf(routerThrottleAlarm)).toMatchObject({
      MetricName: 'Throttles',
      Dimensions: [router],
    });
    const jobs = JSON.stringify(propertiesOf(scheduledJobErrorAlarm).Metrics);
    for (const definition of FUNCTIONS.filter((candidate) => candidate.schedule)) {
      expect(jobs).toContain(`{"Ref":"${idOf(stack.functions[definition.id] as IConstruct)}"}`);
    }
  });

  it('has a dashboard with the intake, routing, overdue, DLQ, error and p95 latency widgets', () => {
    const dashboards = resourcesOfType('AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const [[, dashboard] = []] = dashboards;
    expect(dashboard?.Properties.DashboardName).toBe('Buurtsignaal');
    const body = flatten(dashboard?.Properties.DashboardBody);
    const titles = [...body.matchAll(/"title":"([^"]+)"/g)].map((match) => match[1]);
    expect(titles).toEqual([
      'Alarmen',
      'Instroom per bron',
      'Gerouteerd',
      'Te laat: escalaties',
      'Dead-letter queues',
      'Wachtrijen: oudste bericht (s)',
      'Fouten: API',
      'Fouten: verwerkers en taken',
      'Latentie p95 per API',
    ]);
    // The handlers' own metrics, as they publish them: namespace Buurtsignaal, dimension service.
    for (const metric of ['CareReportAccepted', 'PartnerRowsReceived', 'SignalRouted', 'EscalationsDue']) {
      expect(body).toContain(`["Buurtsignaal","${metric}","service","buurtsignaal"`);
    }
    expect(body).toContain('"stat":"p95"');
  });
});
