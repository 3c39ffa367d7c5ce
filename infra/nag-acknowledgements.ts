import type { CfnElement, Stack } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { OPERATIONS, type OperationDefinition, type OperationName } from '../shared/api/operations.ts';
import type { BuurtsignaalStack } from './buurtsignaal-stack.ts';
import { FUNCTIONS } from './function-catalog.ts';

/** The finding ids AwsSolutions-IAM5 reports for wildcard actions of CDK's BucketDeployment role. */
const BUCKET_DEPLOYMENT_WILDCARD_ACTIONS = [
  's3:Abort*',
  's3:DeleteObject*',
  's3:GetBucket*',
  's3:GetObject*',
  's3:List*',
];

/**
 * Every AwsSolutions finding this stack leaves open on purpose, with the reason, each on the one
 * resource it concerns (and, for IAM findings, on the one wildcard). Everything else is fixed in the
 * constructs. Applied by the stack itself, so `npm run synth` and test/infra/cdk-nag.test.ts see
 * the same set; that test also fails on an acknowledgement that no longer matches a finding.
 */
export function acknowledgeNagFindings(stack: BuurtsignaalStack): void {
  acknowledgeServiceFunctions(stack);
  acknowledgePublicRoutes(stack);
  acknowledgeWebHosting(stack);
  acknowledgeBucketDeploymentHandler(stack);

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

function acknowledgePublicRoutes(stack: BuurtsignaalStack): void {
  const publicOperations = (Object.keys(OPERATIONS) as OperationName[]).filter(
    (name) => (OPERATIONS[name] as OperationDefinition).roles === 'public',
  );
  for (const name of publicOperations) {
    NagSuppressions.addResourceSuppressions(stack.routes[name], [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Public by contract (API.md): GET /health for uptime monitoring and GET /openapi.json, the ' +
          'API description generated from the schemas. Neither reads or returns personal data; both ' +
          'are throttled by the stage default and logged in the access log.',
      },
    ]);
  }
}

function acknowledgeWebHosting(stack: BuurtsignaalStack): void {
  const reasons: Record<string, string> = {
    'AwsSolutions-CFR4':
      'No custom domain yet: with the default *.cloudfront.net certificate CloudFront fixes the ' +
      'viewer security policy at TLSv1 and ignores a minimum protocol version. Current browsers ' +
      'negotiate TLS 1.2/1.3 anyway; enforcing TLS 1.2 comes with a custom domain and an ACM ' +
      'certificate in us-east-1.',
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
