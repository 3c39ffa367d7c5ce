import type { AppConfig } from './config.ts';

/** Who is signed in: the bearer token and the role and scope it carries (API.md). */
export interface Session {
  readonly token: string;
  readonly role: string;
  readonly scope: string;
}

const KEY = 'buurtsignaal.session';
const VERIFIER = 'buurtsignaal.pkce';

export function savedSession(): Session | undefined {
  const text = sessionStorage.getItem(KEY);
  return text ? (JSON.parse(text) as Session) : undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/** The claims of a JWT (the ID token Cognito issued; verified by API Gateway, not here). */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
}

/** Cognito hosted UI, authorization code with PKCE: no client secret in the browser. */
export async function startCognitoSignIn(config: Extract<AppConfig, { mode: 'cognito' }>): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  sessionStorage.setItem(VERIFIER, verifier);
  const challenge = base64url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.cognito.clientId,
    redirect_uri: config.cognito.redirectUri,
    scope: 'openid email profile',
    code_challenge_method: 'S256',
    code_challenge: challenge,
  });
  location.assign(`${config.cognito.domain}/oauth2/authorize?${query}`);
}

/** Completes the hosted-UI round trip when the page comes back with `?code=…`. */
export async function finishCognitoSignIn(
  config: Extract<AppConfig, { mode: 'cognito' }>,
): Promise<Session | undefined> {
  const code = new URLSearchParams(location.search).get('code');
  const verifier = sessionStorage.getItem(VERIFIER);
  if (!code || !verifier) return undefined;
  const response = await fetch(`${config.cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.cognito.clientId,
      redirect_uri: config.cognito.redirectUri,
      code,
      code_verifier: verifier,
    }),
  });
  sessionStorage.removeItem(VERIFIER);
  history.replaceState(null, '', location.pathname + location.hash);
  if (!response.ok) throw new Error('Aanmelden is mislukt. Probeer het opnieuw.');
  const { id_token: token } = (await response.json()) as { id_token: string };
  const claims = claimsOf(token);
  const groups = claims['cognito:groups'];
  const role = Array.isArray(groups) ? String(groups[0] ?? '') : '';
  const session = { token, role, scope: String(claims['custom:scope'] ?? '') };
  saveSession(session);
  return session;
}
