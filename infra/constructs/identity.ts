import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import {
  CBS,
  HOUSING_CORPORATIONS,
  POLITIE_UTRECHT,
  ROLES,
  type Role,
  WERK_EN_INKOMEN,
} from '../../shared/auth/principal.ts';
import { SERVICE_NAME } from '../../shared/resources.ts';
import { pascalCase } from './naming.ts';

/** Partner organisations that call the API as machine clients, each with exactly one role and scope. */
const PARTNERS: readonly { readonly role: Role; readonly scope: string }[] = [
  ...HOUSING_CORPORATIONS.map((scope) => ({ role: 'housing-corporation' as const, scope })),
  { role: 'energy-forwarder', scope: WERK_EN_INKOMEN },
  { role: 'police', scope: POLITIE_UTRECHT },
  // X1: CBS pulls the DDAS delivery with client credentials (`buurtsignaal/cbs:cbs`).
  { role: 'cbs', scope: CBS },
];

/** The roles held by partner organisations (machine clients), as opposed to people. */
export const PARTNER_ROLES: readonly Role[] = [...new Set(PARTNERS.map((partner) => partner.role))];

/** Cognito domain prefixes are global per region, so the account id keeps this one unique. */
const DOMAIN_PREFIX = `${SERVICE_NAME}-${Aws.ACCOUNT_ID}`;

/**
 * Base URL of the user pool's Cognito-hosted domain (hosted UI, token endpoint). A plain function
 * rather than a property of Identity: the web app's CloudFront distribution names it in its CSP, and
 * the web client's callback URL names the distribution, so the distribution is built first.
 */
export function hostedUiUrl(scope: Construct): string {
  return `https://${DOMAIN_PREFIX}.auth.${Stack.of(scope).region}.amazoncognito.com`;
}

export interface IdentityProps {
  /**
   * Where the web app is served (`https://…/`): the hosted UI redirects here after sign-in and
   * sign-out, and Cognito refuses any redirect URI not listed.
   */
  readonly webAppUrls: readonly string[];
}

/**
 * Who may call the API. People (team members, coordinators, …) are Cognito users: their role is a
 * group and their scope the `custom:scope` attribute, both in the ID token. Partners use client
 * credentials: their access token carries the OAuth scope `buurtsignaal/<role>:<scope>`. The
 * handlers read both shapes with `principalFromClaims` (shared/auth/principal.ts).
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly partnerClients: readonly UserPoolClient[];
  /** Issuer for the API's JWT authorizer. */
  readonly issuer: string;
  /** The user pool's signing keys, for functions that verify their callers' tokens themselves. */
  readonly jwksUrl: string;
  /** Client ids the JWT authorizer accepts (`aud` of ID tokens, `client_id` of access tokens). */
  readonly audiences: readonly string[];

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    // Accounts are created by the municipality's administrators, never by self sign-up. Workers see
    // police care reports and debts, so a second factor is required: TOTP from an authenticator
    // app, not SMS (SIM swapping, and no SMS costs or sandbox).
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: { scope: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // Length matters most; the character classes are written out because Cognito's defaults are
      // not in the template, and the municipality's checks (cdk-nag COG1) read the template.
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
      },
      // Threat protection (Plus plan) blocks sign-ins with leaked passwords and challenges risky
      // ones. It is priced per active user; for the people who can read this data, worth it.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      this.userPool.addGroup(`Group${pascalCase(role)}`, { groupName: role });
    }

    // The web app signs in through the hosted UI with the authorization-code flow and PKCE: a public
    // client (no secret, it would be readable in the browser) and no implicit flow. It sends the ID
    // token to the API, since that is the one carrying `cognito:groups` and `custom:scope`.
    this.webClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [...props.webAppUrls],
        logoutUrls: [...props.webAppUrls],
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // Users may not change their own `custom:scope` (nor anything but their display name): the
      // scope decides which team's signals they see (DESIGN P4).
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    const partnerScopes = PARTNERS.map(
      (partner) =>
        new ResourceServerScope({
          scopeName: `${partner.role}:${partner.scope}`,
          scopeDescription: `${partner.role} ${partner.scope}`,
        }),
    );
    const resourceServer = this.userPool.addResourceServer('PartnerApi', {
      identifier: SERVICE_NAME,
      scopes: partnerScopes,
    });
    this.partnerClients = PARTNERS.map((partner, index) =>
      this.userPool.addClient(`Partner${pascalCase(partner.scope)}`, {
        generateSecret: true,
        accessTokenValidity: Duration.hours(1),
        oAuth: {
          flows: { clientCredentials: true },
          scopes: [OAuthScope.resourceServer(resourceServer, partnerScopes[index] as ResourceServerScope)],
        },
      }),
    );
    // The hosted UI (web app sign-in) and the token endpoint (client credentials, code exchange) live
    // on the user pool's Cognito-hosted domain.
    this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: DOMAIN_PREFIX } });

    this.issuer = `https://${this.userPool.userPoolProviderUrl}`;
    this.jwksUrl = `${this.issuer}/.well-known/jwks.json`;
    this.audiences = [this.webClient, ...this.partnerClients].map((client) => client.userPoolClientId);
  }
}
