import { type CfnElement, CfnResource, type Stack } from 'aws-cdk-lib';
import { CfnFunction, CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { OPERATIONS, type OperationDefinition, type OperationName } from '../shared/api/operations.ts';
import type { BuurtsignaalStack } from './buurtsignaal-stack.ts';
import { GUARD_METADATA_KEY, type GuardAcknowledgement } from './control-tower-checks.ts';
import { FUNCTIONS } from './function-catalog.ts';

/** The finding ids AwsSolutions-IAM5 reports for wildcard actions of CDK's BucketDeployment role. */
const BUCKET_DEPLOYMENT_WILDCARD_ACTIONS = [
  's3:Abort*',
  's3:DeleteObject*',
  's3:GetBucket*',
  's3:GetObject*',
  's3:List*',
];

/** Shared by cdk-nag's AwsSolutions-APIG4 and Control Tower's CT.APIGATEWAY.PR.5. */
const PUBLIC_ROUTES_REASON =
  'Public by contract (API.md): GET /health for uptime monitoring and GET /openapi.json, the ' +
  'API description generated from the schemas. Neither reads or returns personal data; both ' +
  'are throttled by the stage default and logged in the access log.';

/** Shared by cdk-nag's AwsSolutions-APIG4 and Control Tower's CT.APIGATEWAY.PR.5, for the DDAS route. */
const OWN_TOKEN_ROUTES_REASON =
  'Not public: the DDAS route (POST /ddas/v1/gegevens, role cbs) verifies the bearer token in its ' +
  'function, with jose against the Cognito user pool JWKS (issuer, expiry, token_use access, ' +
  'client_id among the app clients, then the cbs role from the scope). The DDAS-VS contract ' +
  'requires 401/403 with the Fsc-Error-Code header and an FscError problem+json body, which the ' +
  'HTTP API JWT authorizer cannot give: it answers 401 itself and HTTP APIs have no gateway responses.';

/** Shared by cdk-nag's AwsSolutions-CFR4 and Control Tower's CT.CLOUDFRONT.PR.6/7/9. */
const NO_CUSTOM_DOMAIN_REASON =
  'No custom domain yet: with the default *.cloudfront.net certificate CloudFront fixes the ' +
  'viewer security policy at TLSv1 and ignores a minimum protocol version. Current browsers ' +
  'negotiate TLS 1.2/1.3 anyway; enforcing TLS 1.2 comes with a custom domain and an ACM ' +
  'certificate in us-east-1.';

/**
 * Every finding this stack leaves open on purpose — cdk-nag's AwsSolutions and cfn-guard's AWS
 * Control Tower proactive controls (control-tower-checks.ts) — with the reason, each on the one
 * resource it concerns (and, for IAM findings, on the one wildcard). Everything else is fixed in the
 * constructs. Applied by the stack itself, so `npm run synth` and test/infra/cdk-nag.test.ts see
 * the same set; that test also fails on an acknowledgement that no longer matches a finding.
 */
export function acknowledgeNagFindings(stack: BuurtsignaalStack): void {
  acknowledgeServiceFunctions(stack);
  acknowledgePublicRoutes(stack);
  acknowledgeWebHosting(stack);
  acknowledgeBucketDeploymentHandler(stack);
  acknowledgeControlTowerFindings(stack);

  NagSuppressions.addResourceSuppressions(stack.householdSecret, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'DESIGN M1: this is the HMAC key behind every stored household key and partner signal id. ' +
        'Rotating it would split households and turn re-sent rows into new signals, so it never ' +
        'rotates. Only the functions that hash may read it (GetSecretValue), and it is encrypted ' +
        'with the customer-managed key.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(stack.ddasSigning.certificateChain, [
    {
      id: 'AwsSolutions-SMG4',
      reason:
        'DESIGN X3: this holds the public PKIoverheid certificate chain of the DDAS signing key, not ' +
        'a credential: there is nothing to rotate. It changes when the provider issues a new ' +
        'certificate, put in by an operator (docs/ddas.md). Only DeliverDdas and DdasCertificate may ' +
        'read it, and it is encrypted with the customer-managed key.',
    },
  ]);
  for (const secret of [stack.brpConnection.apiKey, stack.brpConnection.clientCertificate]) {
    NagSuppressions.addResourceSuppressions(secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Issue 16 (DESIGN B1): the BRP API key and PKIoverheid client certificate are issued by the ' +
          'BRP provider (RvIG / the municipality), not generated here: no rotation Lambda can renew ' +
          'them. An operator puts each new one in with put-secret-value (docs/brp.md). Only ' +
          'RouteSignals and RetryCompositions may read them; encrypted with the customer-managed key.',
      },
    ]);
  }
}

/** `<Logical id>` as cdk-nag writes a GetAtt/Ref inside a finding id. */
function nagReference(stack: Stack, construct: IConstruct, attribute: string): string {
  return `<${stack.getLogicalId(construct.node.defaultChild as CfnElement)}.${attribute}>`;
}

function acknowledgeServiceFunctions(stack: BuurtsignaalStack): void {
  const tableIndexes = `Resource::${nagReference(stack, stack.table, 'Arn')}/index/*`;
  for (const definition of FUNCTIONS) {
    const role = stack.functions[definition.id]?.role;
    if (!role) throw new Error(`No role for function ${definition.id}`);
    NagSuppressions.addResourceSuppressions(role.node.findChild('DefaultPolicy'), [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no ' +
          "resource-level permissions, so they can only be granted on '*'. test/infra/stack.test.ts " +
          "checks that no other action is granted on '*'.",
        appliesTo: ['Resource::*'],
      },
      ...(definition.table
        ? [
            {
              id: 'AwsSolutions-IAM5',
              reason:
                'The function queries the GSIs of this one table (TABLE.indexes, shared/resources.ts); the ' +
                "wildcard covers only that table's indexes, with the explicit actions of the " +
                "catalog's access level (infra/constructs/grants.ts), never Scan.",
              appliesTo: [tableIndexes],
            },
          ]
        : []),
    ]);
  }
}

/** Operations whose route has no authorizer, each with the reason why. */
function routesWithoutAuthorizer(): { readonly name: OperationName; readonly reason: string }[] {
  return (Object.keys(OPERATIONS) as OperationName[]).flatMap((name) => {
    const operation: OperationDefinition = OPERATIONS[name];
    if (operation.roles === 'public') return [{ name, reason: PUBLIC_ROUTES_REASON }];
    if (operation.verifiesOwnToken) return [{ name, reason: OWN_TOKEN_ROUTES_REASON }];
    return [];
  });
}

function acknowledgePublicRoutes(stack: BuurtsignaalStack): void {
  for (const { name, reason } of routesWithoutAuthorizer()) {
    NagSuppressions.addResourceSuppressions(stack.routes[name], [{ id: 'AwsSolutions-APIG4', reason }]);
  }
}

function acknowledgeWebHosting(stack: BuurtsignaalStack): void {
  const reasons: Record<string, string> = {
    'AwsSolutions-CFR4': NO_CUSTOM_DOMAIN_REASON,
    'AwsSolutions-CFR1':
      'The distribution serves only the static app (HTML, JS, CSS; no data). All personal data is ' +
      'behind the API and its Cognito JWT authorizer, which geo-blocking the app would not protect, ' +
      'while it would lock out workers travelling or on a VPN that leaves the country elsewhere.',
    'AwsSolutions-CFR2':
      'The distribution serves only the public static build, cached at the edge. A WAF web ACL for ' +
      'CloudFront must live in us-east-1 (a second stack) and would not guard the data: that sits ' +
      'behind the HTTP API, which cannot take a WAF and is guarded by the JWT authorizer and ' +
      'per-route throttling instead.',
  };
  NagSuppressions.addResourceSuppressions(
    stack.webApp.distribution,
    Object.entries(reasons).map(([id, reason]) => ({ id, reason })),
  );
}

/**
 * CDK's BucketDeployment handler (aws-s3-deployment) copies the built web app into its bucket at
 * deploy time. Its function and role are created by aws-cdk-lib, one per stack, with no way to
 * narrow them from here.
 */
function acknowledgeBucketDeploymentHandler(stack: BuurtsignaalStack): void {
  const handler = stack.node.children.find((child) =>
    child.node.id.startsWith('Custom::CDKBucketDeployment'),
  );
  if (!handler) throw new Error('No BucketDeployment handler in the stack');
  const role = handler.node.findChild('ServiceRole');
  NagSuppressions.addResourceSuppressions(handler, [
    {
      id: 'AwsSolutions-L1',
      reason:
        "The runtime of CDK's BucketDeployment handler is pinned by aws-cdk-lib and moves with it; " +
        'the function runs only during a deployment, to copy the static web app into its bucket.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(role, [
    {
      id: 'AwsSolutions-IAM4',
      reason:
        "CDK's BucketDeployment handler role comes with AWSLambdaBasicExecutionRole (writing its " +
        'own logs) from aws-cdk-lib; the function runs only during deployments.',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
  ]);
  NagSuppressions.addResourceSuppressions(role.node.findChild('DefaultPolicy'), [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        "aws-cdk-lib's grants for the BucketDeployment handler: read the deployment asset from the " +
        "CDK asset bucket, then copy and prune the app's objects in the web app bucket. Both are " +
        'limited to those two buckets, which hold only the public static build.',
      appliesTo: [
        ...BUCKET_DEPLOYMENT_WILDCARD_ACTIONS.map((action) => `Action::${action}`),
        `Resource::${nagReference(stack, stack.webApp.bucket, 'Arn')}/*`,
        // The bootstrap asset bucket: cdk-<qualifier>-assets-<account>-<region>.
        { regex: '/^Resource::arn:aws:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[a-z0-9-]+\\/\\*$/' },
      ],
    },
  ]);
}

/**
 * Writes acknowledgements of Control Tower findings into the resource's template metadata, where
 * control-tower-checks.ts reads them (cfn-guard itself has no suppressions).
 */
function acknowledgeGuard(construct: IConstruct, acknowledgements: readonly GuardAcknowledgement[]): void {
  const resource = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  if (!(resource instanceof CfnResource))
    throw new Error(`No CloudFormation resource at ${construct.node.path}`);
  const existing = (resource.getMetadata(GUARD_METADATA_KEY)?.rules_to_suppress ??
    []) as GuardAcknowledgement[];
  resource.addMetadata(GUARD_METADATA_KEY, { rules_to_suppress: [...existing, ...acknowledgements] });
}

/** Every resource of a CloudFormation type in the stack (including those aws-cdk-lib creates). */
function resourcesOf<T extends CfnResource>(stack: Stack, type: abstract new (...args: never[]) => T): T[] {
  return stack.node.findAll().filter((construct): construct is T => construct instanceof type);
}

/**
 * The AWS Control Tower proactive controls (cfn-guard rules of @cdklabs/cdk-validator-cfnguard)
 * this stack does not meet, on purpose. The rest pass: alarms have actions (CT.CLOUDWATCH.PR.1), log
 * groups use the customer key (PR.3), the key refuses grants to non-AWS principals (CT.KMS.PR.3).
 */
function acknowledgeControlTowerFindings(stack: BuurtsignaalStack): void {
  for (const { name, reason } of routesWithoutAuthorizer()) {
    acknowledgeGuard(stack.routes[name], [{ id: 'CT.APIGATEWAY.PR.5', reason }]);
  }

  for (const logGroup of resourcesOf(stack, CfnLogGroup)) {
    acknowledgeGuard(logGroup, [
      {
        id: 'CT.CLOUDWATCH.PR.2',
        reason:
          'Kept three months, not a year (LOG_RETENTION, infra/constructs/log-groups.ts): the logs hold ' +
          "no residents' data (DESIGN P2) but do hold workers' token subjects and callers' IP " +
          'addresses, so they are kept no longer than incident follow-up needs (GDPR data ' +
          'minimisation). The audit trail (P3) in the table is the long-term record.',
      },
    ]);
  }

  for (const fn of resourcesOf(stack, CfnFunction)) {
    acknowledgeGuard(fn, [
      {
        id: 'CT.LAMBDA.PR.3',
        reason:
          'No VPC: the functions reach only AWS APIs (DynamoDB, SQS, SNS, Secrets Manager, X-Ray) over ' +
          'TLS with signed requests, and no private network resource. A VPC would add a NAT gateway ' +
          'or five interface endpoints and slower cold starts without protecting the data further: ' +
          'access is decided by IAM and the key policy, not by network location.',
      },
    ]);
  }

  // API Gateway's invoke permissions: their SourceArn names this API and route, but as Fn::Join, and
  // the rule accepts only a literal string or a plain Ref/GetAtt. Any other permission is checked.
  for (const permission of resourcesOf(stack, CfnPermission).filter(
    (candidate) => candidate.principal === 'apigateway.amazonaws.com' && candidate.sourceArn !== undefined,
  )) {
    acknowledgeGuard(permission, [
      {
        id: 'CT.LAMBDA.PR.2',
        reason:
          "Not public: SourceArn limits the invoke permission to this HTTP API's own routes " +
          '(arn:aws:execute-api:<region>:<account>:<api id>/*/*/<path>). The rule only recognises a ' +
          'literal string or a plain Ref/GetAtt, and CDK builds that ARN with Fn::Join.',
      },
    ]);
  }

  acknowledgeGuard(stack.webApp.distribution, [
    {
      id: 'CT.CLOUDFRONT.PR.4',
      reason:
        'One S3 origin in the same region as the API: a failover origin would need a bucket ' +
        'replicated to a second region for a static app that cannot work while the API, in one ' +
        'region, is down anyway; S3 is the most available part of the chain.',
    },
    ...['CT.CLOUDFRONT.PR.6', 'CT.CLOUDFRONT.PR.7', 'CT.CLOUDFRONT.PR.9'].map((id) => ({
      id,
      reason: NO_CUSTOM_DOMAIN_REASON,
    })),
  ]);

  const staticBuild = 'holds only the public static build (HTML, JS, CSS) that CloudFront serves to anyone';
  acknowledgeGuard(stack.webApp.bucket, [
    {
      id: 'CT.S3.PR.10',
      reason:
        `The bucket ${staticBuild}; SSE-S3 encrypts it at rest. SSE-KMS would need the key policy to ` +
        'admit CloudFront and cost a KMS call per uncached object, protecting nothing secret.',
    },
    {
      id: 'CT.S3.PR.4',
      reason:
        'Nothing has to react to its objects: they change only with a deployment, which ' +
        'CloudFormation records; versioning keeps the previous release for a rollback.',
    },
    {
      id: 'CT.S3.PR.9',
      reason:
        `The bucket ${staticBuild}, replaced and pruned by every deployment, which locked objects ` +
        'would block; versioning (30 days of old versions) already allows a rollback.',
    },
  ]);
  acknowledgeGuard(stack.webApp.accessLogBucket, [
    {
      id: 'CT.S3.PR.10',
      reason:
        'S3 server access logging delivers only to a target bucket with SSE-S3 (SSE-KMS is not ' +
        'supported there), and the same bucket takes the CloudFront standard logs.',
    },
    {
      id: 'CT.S3.PR.11',
      reason:
        'Its logs are written once by AWS log delivery and expire after 90 days; versions would keep ' +
        'the deleted ones (client IP addresses) beyond that limit, for objects nobody overwrites.',
    },
    {
      id: 'CT.S3.PR.2',
      reason:
        'This is the access-log bucket itself: logging it to itself would log every log delivery, ' +
        'and logging it elsewhere only moves the question to that bucket.',
    },
    {
      id: 'CT.S3.PR.4',
      reason:
        'Nothing has to react to its objects: access logs are read when an incident asks for them ' +
        'and expire by lifecycle after 90 days.',
    },
    {
      id: 'CT.S3.PR.5',
      reason:
        'CloudFront standard logging delivers through an ACL (the awslogsdelivery account), so the ' +
        'bucket keeps ACLs enabled with BUCKET_OWNER_PREFERRED (objects stay the owner’s) and ' +
        'Block Public Access on, so no ACL can make anything public.',
    },
    {
      id: 'CT.S3.PR.9',
      reason:
        'Access logs are short-lived diagnostics that must go after 90 days (data minimisation), ' +
        'not records to preserve; Block Public Access and a TLS-only policy guard them.',
    },
  ]);

  for (const { deadLetterQueue } of Object.values(stack.queues)) {
    acknowledgeGuard(deadLetterQueue, [
      {
        id: 'CT.SQS.PR.1',
        reason:
          'This is a dead-letter queue itself (DESIGN D4): what lands here waits up to 14 days for ' +
          'an operator to fix the cause and redrive it (npm run redrive), with an alarm at the first ' +
          'message; a DLQ of a DLQ would only hide it one level deeper.',
      },
    ]);
  }
}
