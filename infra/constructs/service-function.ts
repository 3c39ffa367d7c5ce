import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { LAMBDA_BUNDLING } from '../bundling.ts';
import type { FunctionDefinition } from '../function-catalog.ts';
import { encryptedLogGroup } from './log-groups.ts';

export interface ServiceFunctionOptions {
  readonly definition: FunctionDefinition;
  /** From `environmentFor`: exactly the variables of the function's zod schema, already validated. */
  readonly environment: Readonly<Record<string, string>>;
  /** Repository root: entries, package-lock.json and node_modules are resolved from here. */
  readonly projectRoot: string;
  readonly serviceName: string;
  readonly metricsNamespace: string;
  /** The customer-managed key; the function's log group is encrypted with it. */
  readonly encryptionKey: IKey;
}

/**
 * One Lambda function of the catalog, bundled locally by esbuild (no Docker, so synth works offline).
 * Created directly in the caller's scope with the catalog id, so logical ids stay readable.
 */
export function createServiceFunction(scope: Construct, options: ServiceFunctionOptions): NodejsFunction {
  const { definition, projectRoot } = options;
  // Logs hold ids and codes only (DESIGN P2); encrypted and kept as log-groups.ts says.
  const logGroup = encryptedLogGroup(scope, `${definition.id}Logs`, options.encryptionKey);
  // An own role instead of CDK's default with AWSLambdaBasicExecutionRole, which may create and
  // write every log group in the account: this one writes only to the function's own log group.
  // What else it may touch is granted from the catalog (grants.ts).
  const role = new Role(scope, `${definition.id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Buurtsignaal: ${definition.id}`,
  });
  logGroup.grantWrite(role);
  return new NodejsFunction(scope, definition.id, {
    entry: join(projectRoot, definition.entry),
    handler: 'handler',
    projectRoot,
    depsLockFilePath: join(projectRoot, 'package-lock.json'),
    // DESIGN §2: Node.js 24 on arm64 (Node 20 is end-of-life; Middy 7 needs ≥ 22).
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: definition.memoryMb ?? 512,
    timeout: Duration.seconds(definition.timeoutSeconds),
    // Lambda records a trace of every invocation (and its initialisation) itself; the functions
    // load no X-Ray SDK (issue 13: it cost some 75 ms of each cold start, shared/observability.ts).
    tracing: Tracing.ACTIVE,
    environment: {
      ...options.environment,
      POWERTOOLS_SERVICE_NAME: options.serviceName,
      POWERTOOLS_METRICS_NAMESPACE: options.metricsNamespace,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
    logGroup,
    role,
    bundling: {
      ...LAMBDA_BUNDLING,
      externalModules: [...LAMBDA_BUNDLING.externalModules],
      mainFields: [...LAMBDA_BUNDLING.mainFields],
      format: OutputFormat.ESM,
      forceDockerBundling: false,
    },
  });
}
