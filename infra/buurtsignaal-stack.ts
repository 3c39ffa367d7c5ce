import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  type HttpStage,
  LogGroupLogDestination,
  type ThrottleSettings,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import {
  OPERATIONS,
  type OperationDefinition,
  type OperationName,
  routeKey,
} from '../shared/api/operations.ts';
import { METRICS_NAMESPACE, QUEUES, type QueueName, SERVICE_NAME, TABLE } from '../shared/resources.ts';
import { BrpConnection } from './constructs/brp-connection.ts';
import { DdasSigning } from './constructs/ddas-signing.ts';
import { grantCatalogAccess } from './constructs/grants.ts';
import { hostedUiUrl, Identity, PARTNER_ROLES } from './constructs/identity.ts';
import { allowGrantsOnlyForAwsServices } from './constructs/key-grants.ts';
import { allowLogEncryption, encryptedLogGroup } from './constructs/log-groups.ts';
import { MonitoredQueue } from './constructs/monitored-queue.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { pascalCase } from './constructs/naming.ts';
import { createServiceFunction } from './constructs/service-function.ts';
import { WebHosting } from './constructs/web-hosting.ts';
import { environmentFor, FUNCTIONS } from './function-catalog.ts';
import { acknowledgeNagFindings } from './nag-acknowledgements.ts';

/** Entries, package-lock.json and node_modules are resolved from the repository root. */
const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/**
 * Per-route throttle of the partner routes (uploads, care reports, receipts), well under the stage
 * default. Partners send a list or batch a month and a few care reports a minute; 5 requests a
 * second with bursts of 10 leaves room for a partner catching up after an outage, while a runaway
 * or stolen client credential cannot flood the 29-second, 1 GB upload functions, the table and the
 * signals queue. API Gateway counts per route for all callers together (HTTP APIs have no usage
 * plans), so one misbehaving partner slows its own kind of intake, never the teams' routes.
 */
const PARTNER_ROUTE_THROTTLE: Required<ThrottleSettings> = { rateLimit: 5, burstLimit: 10 };

/** Operations only partner organisations may call: their routes get PARTNER_ROUTE_THROTTLE. */
function partnerOperations(): OperationName[] {
  return (Object.keys(OPERATIONS) as OperationName[]).filter((name) => {
    const roles: OperationDefinition['roles'] = OPERATIONS[name].roles;
    return roles !== 'public' && roles.every((role) => PARTNER_ROLES.includes(role));
  });
}

export interface BuurtsignaalStackProps extends StackProps {
  /** The built web app; `web/dist` (`npm run build:web`) unless given. Tests pass a stub. */
  readonly webAppDirectory?: string;
}

/**
 * The whole service in one stack. Everything with a name or a shape comes from shared constants
 * (TABLE, QUEUES, OPERATIONS) and the function catalog, which the local runtime (`npm start`) reads
 * too, so the deployed service and the local one cannot drift apart.
 */
export class BuurtsignaalStack extends Stack {
  readonly encryptionKey: Key;
  readonly table: Table;
  readonly queues: Readonly<Record<QueueName, MonitoredQueue>>;
  readonly identity: Identity;
  readonly webApp: WebHosting;
  readonly householdSecret: Secret;
  /** X3: the DDAS signing key and the secret with its certificate chain. */
  readonly ddasSigning: DdasSigning;
  /** Issue 16: the BRP endpoint (a parameter) and the secrets of its API key and client certificate. */
  readonly brpConnection: BrpConnection;
  readonly notificationTopic: Topic;
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly overdueAlarm: Alarm;
  /** The alarm topic, the alarms besides the queues' own, and the dashboard (docs/operations.md). */
  readonly monitoring: Monitoring;
  /** By operation, so tests and the nag acknowledgements can find a route. */
  readonly routes: Readonly<Record<OperationName, HttpRoute>>;
  /** By catalog id, so tests can find a function's logical id. */
  readonly functions: Readonly<Record<string, NodejsFunction>>;

  constructor(scope: Construct, id: string, props: BuurtsignaalStackProps = {}) {
    super(scope, id, props);

    // Checked here, not left to the asset: its error would not say how to fix it.
    const webAppDirectory = props.webAppDirectory ?? join(PROJECT_ROOT, 'web', 'dist');
    if (!existsSync(join(webAppDirectory, 'index.html'))) {
      throw new Error(
        `No web app build in ${webAppDirectory} (index.html missing): run npm run build:web first`,
      );
    }

    // One customer-managed key for everything that stores personal data at rest (table, queues) and
    // for what could reveal it (logs, topics, the household secret): the municipality controls (and
    // can revoke) access to it, and rotation is on.
    this.encryptionKey = new Key(this, 'DataKey', {
      description: 'Buurtsignaal: tabel, wachtrijen en logs (persoonsgegevens)',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    allowLogEncryption(this.encryptionKey);
    allowGrantsOnlyForAwsServices(this.encryptionKey);

    // DESIGN §4: one table, pk/sk, GSIs `inbox` and sparse `awaiting-contact`, TTL for P1.
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.encryptionKey,
      timeToLiveAttribute: TABLE.ttlAttribute,
      // The signals and the audit trail (P3) outlive any single deployment.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    for (const index of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        // The sweep's and the purge's indexes need only their keys (ids and dates, D5, P1); the
        // inbox holds what its readers take from it (issue 13).
        ...(index.projection === 'include'
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.nonKeyAttributes] }
          : {
              projectionType:
                index.projection === 'keys-only' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
            }),
      });
    }

    const queueNames = Object.keys(QUEUES) as QueueName[];
    this.queues = Object.fromEntries(
      queueNames.map((name) => [
        name,
        new MonitoredQueue(this, pascalCase(name), {
          definition: QUEUES[name],
          encryptionKey: this.encryptionKey,
        }),
      ]),
    ) as Record<QueueName, MonitoredQueue>;

    // DESIGN §2: the web app on S3 + CloudFront. Built before Identity and the API because the web
    // client's callback URL and the API's CORS origin name the distribution. Its CSP therefore
    // cannot name the API's own host (the distribution would depend on the API and the API, via
    // CORS, on the distribution: a cycle), so it allows execute-api hosts of this region; CORS and
    // the JWT authorizer are what guard the API, the CSP only narrows where a page may connect.
    this.webApp = new WebHosting(this, 'WebApp', {
      appDirectory: webAppDirectory,
      connectSources: [`https://*.execute-api.${this.region}.${this.urlSuffix}`, hostedUiUrl(this)],
      encryptionKey: this.encryptionKey,
    });

    this.identity = new Identity(this, 'Identity', { webAppUrls: [this.webApp.url] });
    const jwtAuthorizer = new HttpJwtAuthorizer('JwtAuthorizer', this.identity.issuer, {
      jwtAudience: [...this.identity.audiences],
    });
    // The JWT authorizer is also the API's default: a route added without one is never public by
    // accident. Roles and scopes are checked per operation in the handlers (DESIGN P4).
    this.api = new HttpApi(this, 'Api', {
      apiName: SERVICE_NAME,
      description: 'Buurtsignaal: intake en signalen (API.md)',
      defaultAuthorizer: jwtAuthorizer,
      createDefaultStage: false,
      // The web app calls the API from its own origin with a bearer token (no cookies, so no
      // credentials). API Gateway answers the preflight itself, before any authorizer runs.
      corsPreflight: {
        allowOrigins: [this.webApp.origin],
        allowHeaders: ['authorization', 'content-type'],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        maxAge: Duration.days(1),
      },
    });
    // One line per request: who (token subject, IP), which route, the outcome and the timings.
    // Route keys, not paths, and no bodies or query strings: nothing personal beyond the caller (P2).
    this.accessLogs = encryptedLogGroup(this, 'ApiAccessLogs', this.encryptionKey);
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Roughly 1,500 signals a month plus team traffic; this caps a runaway client, not real use.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            error: '$context.error.message',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            subject: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
          }),
        ),
      },
    });
    const publicAccess = new HttpNoneAuthorizer();

    // DESIGN M1: the key of the household hash and the partner signal ids. Generated once by
    // CloudFormation and never rotated: every stored household key depends on it.
    this.householdSecret = new Secret(this, 'HouseholdKeySecret', {
      description: 'Buurtsignaal: sleutel van de huishoudhash (M1); nooit roteren',
      encryptionKey: this.encryptionKey,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // DESIGN D4: escalations are announced on a topic; mail or the web app subscribe to it.
    this.notificationTopic = new Topic(this, 'EscalationTopic', {
      displayName: 'Buurtsignaal escalaties',
      masterKey: this.encryptionKey,
      enforceSSL: true,
    });

    this.ddasSigning = new DdasSigning(this, 'DdasSigning', { encryptionKey: this.encryptionKey });
    this.brpConnection = new BrpConnection(this, 'Brp', { encryptionKey: this.encryptionKey });
    const resources = {
      brp: this.brpConnection.resource,
      householdSecret: { arn: this.householdSecret.secretArn },
      ddasSigning: this.ddasSigning.resource,
      notifier: { kind: 'sns' as const, topicArn: this.notificationTopic.topicArn },
      // Issue 14: what a route without authorizer (`verifiesOwnToken`) checks its tokens against —
      // the same issuer and app clients as the JWT authorizer.
      accessTokens: {
        issuer: this.identity.issuer,
        jwksUrl: this.identity.jwksUrl,
        clientIds: this.identity.audiences.join(','),
      },
      tableName: this.table.tableName,
      queueUrls: Object.fromEntries(
        queueNames.map((name) => [name, this.queues[name].queue.queueUrl]),
      ) as Record<QueueName, string>,
    };
    const functions: Record<string, NodejsFunction> = {};
    const routes: Partial<Record<OperationName, HttpRoute>> = {};
    for (const definition of FUNCTIONS) {
      const fn = createServiceFunction(this, {
        definition,
        // Built and validated by the same zod schema the handler parses at cold start.
        environment: environmentFor(definition, resources),
        projectRoot: PROJECT_ROOT,
        serviceName: SERVICE_NAME,
        metricsNamespace: METRICS_NAMESPACE,
        encryptionKey: this.encryptionKey,
      });
      functions[definition.id] = fn;

      // Least privilege, straight from the catalog, as explicit actions (no wildcards, no Scan).
      grantCatalogAccess(fn, definition, this);
      // X3: the delivery's function alone signs with the DDAS key (in the key policy).
      if (definition.id === 'DeliverDdas' && fn.role) this.ddasSigning.allowSigning(fn.role);
      if (definition.schedule) {
        new Rule(this, `${definition.id}Schedule`, {
          description: `Buurtsignaal: ${definition.id} (DESIGN D5)`,
          schedule: Schedule.expression(definition.schedule),
          targets: [new LambdaFunction(fn, { retryAttempts: 2 })],
        });
      }
      if (definition.consumes) {
        // Partial batch responses: only the failed records are retried and, after
        // maxReceiveCount, moved to the DLQ (DESIGN D4).
        fn.addEventSource(
          new SqsEventSource(this.queues[definition.consumes].queue, {
            batchSize: QUEUES[definition.consumes].batchSize,
            reportBatchItemFailures: true,
          }),
        );
      }

      if (!definition.operations?.length) continue;
      const integration = new HttpLambdaIntegration(`${definition.id}Integration`, fn);
      for (const name of definition.operations) {
        if (routes[name]) throw new Error(`Operation ${name} is served by more than one function`);
        const operation: OperationDefinition = OPERATIONS[name];
        [routes[name]] = this.api.addRoutes({
          path: operation.path,
          methods: [HttpMethod[operation.method]],
          integration,
          // A route that verifies its own token (the DDAS route, issue 14) has none here either: API
          // Gateway's authorizer would answer 401 itself, without the Fsc-Error-Code of its contract.
          authorizer:
            operation.roles === 'public' || operation.verifiesOwnToken ? publicAccess : jwtAuthorizer,
        });
      }
    }
    this.functions = functions;

    // Every operation of API.md must have a route; a missing one fails the synth, not a request.
    const unrouted = (Object.keys(OPERATIONS) as OperationName[]).filter((name) => !routes[name]);
    if (unrouted.length > 0) throw new Error(`Operations without a function: ${unrouted.join(', ')}`);
    this.routes = routes as Record<OperationName, HttpRoute>;

    // HttpStage has no per-route settings, so they go on the L1 stage. CloudFormation refuses route
    // settings for a route key that does not exist yet, hence the dependency on those routes.
    const partnerRoutes = partnerOperations();
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      partnerRoutes.map((name) => [
        routeKey(OPERATIONS[name]),
        {
          ThrottlingRateLimit: PARTNER_ROUTE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: PARTNER_ROUTE_THROTTLE.burstLimit,
        },
      ]),
    );
    for (const name of partnerRoutes) this.stage.node.addDependency(this.routes[name]);

    // DESIGN D4/D5: escalations falling due mean first contacts are overdue; the sweep counts them.
    this.overdueAlarm = new Alarm(this, 'OverdueSignalsAlarm', {
      alarmName: `${this.stackName}-overdue-signals`,
      alarmDescription:
        'Signalen zonder eerste contact binnen de termijn: escalaties vallen verschuldigd (docs/operations.md).',
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'EscalationsDue',
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      threshold: 25,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Alarm mail goes to one address given at deploy (`--parameters AlarmEmail=…`); empty: none yet.
    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      default: '',
      description:
        'E-mailadres voor de alarmen van Buurtsignaal (een teammailbox van beheer); leeg laat de mail weg.',
      allowedPattern: '^$|^[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+$',
      constraintDescription: 'één e-mailadres, of leeg',
    });
    // Last but the outputs: it wires every alarm the stack has to the alarm topic.
    this.monitoring = new Monitoring(this, 'Monitoring', {
      encryptionKey: this.encryptionKey,
      alarmEmail: alarmEmail.valueAsString,
      queues: this.queues,
      functions: this.functions,
      catalog: FUNCTIONS,
      stage: this.stage,
      overdueAlarm: this.overdueAlarm,
    });

    // The app reads its settings from /config.json, so one build runs locally and on any stack.
    this.webApp.publish({
      // The `$default` stage is served at the API endpoint itself, which has no trailing slash.
      apiUrl: this.api.apiEndpoint,
      cognitoDomain: hostedUiUrl(this),
      clientId: this.identity.webClient.userPoolClientId,
      userPoolId: this.identity.userPool.userPoolId,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.stage.url });
    new CfnOutput(this, 'WebAppUrl', { value: this.webApp.url });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.identity.webClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    // Where the operator puts the issued DDAS certificate chain (docs/ddas.md).
    new CfnOutput(this, 'DdasCertificateChainSecretArn', {
      value: this.ddasSigning.certificateChain.secretArn,
    });
    // Where the operator puts the BRP's API key and client certificate (docs/brp.md).
    new CfnOutput(this, 'BrpApiKeySecretArn', { value: this.brpConnection.apiKey.secretArn });
    new CfnOutput(this, 'BrpClientCertificateSecretArn', {
      value: this.brpConnection.clientCertificate.secretArn,
    });

    // Last, so that every resource they name exists (the same set for `npm run synth` and the tests).
    acknowledgeNagFindings(this);
  }
}
