import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { webAppContentSecurityPolicy } from '../web-app-policy.ts';
import { encryptedLogGroup } from './log-groups.ts';

/** Vite puts every content-hashed file here; everything else in the build has a fixed name. */
const HASHED_PREFIX = 'assets/';

export interface WebHostingProps {
  /** The built app (`npm run build:web` → `web/dist`): index.html at the root, hashed files in assets/. */
  readonly appDirectory: string;
  /** Origins the app fetches from besides its own (CSP `connect-src`): the API and the Cognito domain. */
  readonly connectSources: readonly string[];
  /** The service's customer-managed key: the deployment handler's log group is encrypted with it. */
  readonly encryptionKey: IKey;
}

/** What the deployed app needs to know at start; becomes /config.json next to index.html. */
export interface WebAppSettings {
  /** Base URL of the HTTP API, without a trailing slash. */
  readonly apiUrl: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  readonly cognitoDomain: string;
  readonly clientId: string;
  readonly userPoolId: string;
}

/**
 * The team/partner web app (DESIGN §2: "the web app on S3 + CloudFront"): a private bucket that only
 * the distribution can read (Origin Access Control), security headers on every response, and SPA
 * routing (unknown paths serve index.html).
 *
 * Built in two steps. The distribution comes first because the API's CORS origin and the Cognito
 * web client's callback URL both name it; the config (API URL, client id) exists only after those,
 * so `publish()` adds index.html and config.json once the stack has them.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  /** Access logs of the bucket and the distribution: who fetched the app, from where, and when. */
  readonly accessLogBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>` — the CORS origin (an Origin header never ends in a slash). */
  readonly origin: string;
  /** `https://<distribution domain>/` — where users go and the OAuth redirect URI. */
  readonly url: string;
  /**
   * Logs of CDK's BucketDeployment handler (the deploy-time copy into the bucket). Given explicitly,
   * so it is encrypted and expires like every other log group, instead of the never-expiring
   * `/aws/lambda/…` group Lambda would otherwise create outside the stack.
   */
  readonly deploymentLogs: LogGroup;
  private readonly appDirectory: string;
  private readonly assetsDeployment: BucketDeployment;
  private published = false;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.appDirectory = props.appDirectory;

    // CloudFront's standard logs and S3 server access logs are delivered by AWS accounts that write
    // with ACLs, so this bucket keeps ACLs on (objects still belong to the bucket owner). The logs
    // hold client IPs and paths (ids, the one-time OAuth code), no signal data; kept three months
    // like the function logs.
    this.accessLogBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [
        { expiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 's3/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Versions let an operator roll a broken release back by hand; old ones are not kept forever.
      versioned: true,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      // Only build output lives here, so nothing is lost by keeping it; DESTROY without
      // autoDeleteObjects would make a stack deletion fail halfway on the non-empty bucket, and
      // autoDeleteObjects adds a custom resource that can empty the bucket on a mistaken replacement.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Buurtsignaal web app: security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: webAppContentSecurityPolicy(props.connectSources),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        // After sign-in the URL holds the OAuth code; it must not travel in a Referer header.
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Buurtsignaal web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Honours the objects' Cache-Control (see the deployments below) between 1 s and a year.
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // Client-side routes (/signalen/…) are not objects. Without s3:ListBucket a missing key is a
      // 403, not a 404, so both mean "let the app route it". ttl 0: a deploy is visible at once.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      enableLogging: true,
      logBucket: this.accessLogBucket,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // The users are in Utrecht; the cheapest class already has the European edge locations.
      priceClass: PriceClass.PRICE_CLASS_100,
      // No minimumProtocolVersion: with the default *.cloudfront.net certificate CloudFront fixes the
      // policy at TLSv1 and CDK ignores the setting (with a warning). TLS 1.2 needs a custom domain
      // and an ACM certificate in us-east-1.
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
    this.url = `${this.origin}/`;

    this.deploymentLogs = encryptedLogGroup(this, 'DeploymentLogs', props.encryptionKey);

    // Hashed files never change under their name: cache them for a year. Not pruned, so a browser
    // that still runs the previous release can load its lazy chunks during and after a deploy.
    this.assetsDeployment = new BucketDeployment(this, 'HashedAssets', {
      logGroup: this.deploymentLogs,
      sources: [Source.asset(this.appDirectory)],
      destinationBucket: this.bucket,
      exclude: ['*'],
      include: [`${HASHED_PREFIX}*`],
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
    });

    this.node.addValidation({
      validate: () =>
        this.published ? [] : ['WebHosting.publish() was never called: the app would have no index.html'],
    });
  }

  /**
   * Deploys index.html, the other fixed-name files and config.json, all with `no-cache` so browsers
   * revalidate them on every load and a new release or config is picked up at once.
   */
  publish(settings: WebAppSettings): BucketDeployment {
    if (this.published) throw new Error('WebHosting.publish() may be called only once');
    this.published = true;
    const config = {
      mode: 'cognito',
      apiUrl: settings.apiUrl,
      cognito: {
        domain: settings.cognitoDomain,
        clientId: settings.clientId,
        region: Stack.of(this).region,
        userPoolId: settings.userPoolId,
        redirectUri: this.url,
      },
    };
    const deployment = new BucketDeployment(this, 'EntryFiles', {
      // The same handler as the assets' deployment (one per stack), so the same log group.
      logGroup: this.deploymentLogs,
      sources: [Source.asset(this.appDirectory), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      // Pruning removes stale fixed-name files; the filter keeps it away from the hashed assets.
      exclude: [`${HASHED_PREFIX}*`],
      prune: true,
      cacheControl: [CacheControl.noCache()],
    });
    // A new index.html must not be served before the files it references exist.
    deployment.node.addDependency(this.assetsDeployment);
    return deployment;
  }
}
