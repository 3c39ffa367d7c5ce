import { CfnParameter, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { BRP_NOT_CONNECTED } from '../../shared/adapters/brp-dependencies.ts';

export interface BrpConnectionProps {
  /** The customer-managed key the stack's secrets are encrypted with. */
  readonly encryptionKey: IKey;
}

/**
 * Issue 16 (DESIGN B1–B3): the connection to the BRP's Haal Centraal endpoint. Its URL is a stack
 * parameter — `niet-aangesloten` until the municipality's BRP connection is granted, and then the
 * signals are routed as before; the API key and the client certificate (PKIoverheid, mTLS) are
 * secrets an operator puts in with `put-secret-value` (docs/brp.md). Placeholders until then: the
 * template's value never changes, so no deployment overwrites what was put in.
 */
export class BrpConnection extends Construct {
  readonly url: CfnParameter;
  readonly apiKey: Secret;
  /** JSON `{ "certificate": PEM, "privateKey": PEM, "ca"?: PEM }`. */
  readonly clientCertificate: Secret;

  constructor(scope: Construct, id: string, props: BrpConnectionProps) {
    super(scope, id);
    this.url = new CfnParameter(scope, 'BrpApiUrl', {
      type: 'String',
      default: BRP_NOT_CONNECTED,
      description:
        'B1: de basis-URL van Haal Centraal BRP Personen bevragen (…/haalcentraal/api/brp), of niet-aangesloten.',
    });
    this.apiKey = new Secret(this, 'ApiKey', {
      description: 'Buurtsignaal: API-sleutel voor Haal Centraal BRP (B1); zetten met put-secret-value',
      encryptionKey: props.encryptionKey,
      secretStringValue: SecretValue.unsafePlainText(BRP_NOT_CONNECTED),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.clientCertificate = new Secret(this, 'ClientCertificate', {
      description:
        'Buurtsignaal: PKIoverheid-clientcertificaat voor de BRP (mTLS, B1) als JSON {certificate, privateKey, ca}; zetten met put-secret-value',
      encryptionKey: props.encryptionKey,
      secretStringValue: SecretValue.unsafePlainText(BRP_NOT_CONNECTED),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The variables of ResourceNames.brp. */
  get resource() {
    return {
      url: this.url.valueAsString,
      apiKeySecretArn: this.apiKey.secretArn,
      clientCertificateSecretArn: this.clientCertificate.secretArn,
    };
  }
}
