import { Aws, CfnParameter, RemovalPolicy } from 'aws-cdk-lib';
import { AccountRootPrincipal, type IRole, PolicyDocument, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
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

/**
 * DESIGN X3, issue 14: the key that signs the DDAS deliveries. An asymmetric KMS key (RSA 3072,
 * RSASSA_PSS_SHA_256) whose private half never leaves KMS; its key policy lets the account administer
 * it and fetch the public key (for the certificate request), and lets exactly one role sign: the
 * DDAS function's (`allowSigning`). The certificate is issued for the public key outside the stack
 * (PKIoverheid, docs/ddas.md); its chain and `kid` come in as stack parameters.
 */
export class DdasSigning extends Construct {
  readonly key: Key;
  readonly kid: CfnParameter;
  readonly certificateChain: CfnParameter;

  constructor(scope: Construct, id: string) {
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
      default: 'nog-niet-uitgegeven',
      description: 'X3: de sleutel-id (kid) van het DDAS-ondertekeningscertificaat.',
    });
    this.certificateChain = new CfnParameter(scope, 'DdasCertificateChain', {
      type: 'String',
      default: 'nog-niet-uitgegeven',
      description:
        'X3: de certificaatketen voor de KMS-sleutel, base64 DER, komma-gescheiden, het ondertekenende certificaat eerst.',
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
      certificateChain: this.certificateChain.valueAsString,
    };
  }
}
