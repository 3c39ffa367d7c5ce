import { Aws, CfnParameter, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import { AccountRootPrincipal, type IRole, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { type IKey, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { allowGrantsOnlyForAwsServices } from './key-grants.ts';

/** What the account may do with the key: administer it, read its public half — never sign. */
const ADMINISTER = [
  'kms:Create*',
  'kms:Describe*',
  'kms:Enable*',
  'kms:List*',
  'kms:Put*',
  'kms:Update*',
  'kms:Revoke*',
  'kms:Disable*',
  'kms:Get*',
  'kms:Delete*',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:ScheduleKeyDeletion',
  'kms:CancelKeyDeletion',
];

/** The chain's value until an operator puts the issued one in (docs/ddas.md), like the kid's default. */
const NOT_ISSUED = 'nog-niet-uitgegeven';

export interface DdasSigningProps {
  /** The customer-managed key the stack's other secret is encrypted with. */
  readonly encryptionKey: IKey;
}

/**
 * DESIGN X3, issue 14: the key that signs the DDAS deliveries. An asymmetric KMS key (RSA 3072,
 * RSASSA_PSS_SHA_256) whose private half never leaves KMS; its key policy lets the account administer
 * it and fetch the public key (for the certificate request), and lets exactly one role sign: the
 * DDAS function's (`allowSigning`). The certificate is issued for the public key outside the stack
 * (PKIoverheid, docs/ddas.md); its `kid` comes in as a stack parameter, its chain goes into a
 * secret of this stack — at 8–10 KB it fits neither a parameter value nor Lambda's variables (4 KB
 * each).
 */
export class DdasSigning extends Construct {
  readonly key: Key;
  readonly kid: CfnParameter;
  /**
   * The certificate chain: a placeholder until an operator puts the issued chain in with
   * `aws secretsmanager put-secret-value`. The template's value never changes, so no deployment
   * overwrites what was put in. Not secret, but Secrets Manager holds 64 KB and lets IAM name the
   * two functions that read it (infra/constructs/grants.ts).
   */
  readonly certificateChain: Secret;

  constructor(scope: Construct, id: string, props: DdasSigningProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Buurtsignaal: ondertekent de DDAS-leveringen aan CBS (DESIGN X3)',
      keySpec: KeySpec.RSA_3072,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
      policy: new PolicyDocument({
        statements: [
          new PolicyStatement({
            sid: 'AccountAdministersNeverSigns',
            principals: [new AccountRootPrincipal()],
            actions: ADMINISTER,
            resources: ['*'],
          }),
        ],
      }),
    });
    // No grant may hand the key to anyone else (CT.KMS.PR.3), as on the data key.
    allowGrantsOnlyForAwsServices(this.key);
    this.kid = new CfnParameter(scope, 'DdasSigningKid', {
      type: 'String',
      default: NOT_ISSUED,
      description: 'X3: de sleutel-id (kid) van het DDAS-ondertekeningscertificaat.',
    });
    this.certificateChain = new Secret(this, 'CertificateChain', {
      description:
        'Buurtsignaal: PKIoverheid-certificaatketen van de DDAS-ondertekeningssleutel (X3), het ondertekenende certificaat eerst; zetten met put-secret-value (docs/ddas.md)',
      encryptionKey: props.encryptionKey,
      secretStringValue: SecretValue.unsafePlainText(NOT_ISSUED),
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The one role allowed to sign with the key, in the key policy itself. */
  allowSigning(role: IRole): void {
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheDdasFunctionSigns',
        principals: [role],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'kms:SigningAlgorithm': 'RSASSA_PSS_SHA_256', 'aws:SourceAccount': Aws.ACCOUNT_ID },
        },
      }),
    );
  }

  /** The variables of ResourceNames.ddasSigning. */
  get resource() {
    return {
      keyArn: this.key.keyArn,
      kid: this.kid.valueAsString,
      certificateChainSecretArn: this.certificateChain.secretArn,
    };
  }
}
