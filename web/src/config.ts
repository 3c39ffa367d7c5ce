/** A demo principal of the local runtime (API.md tokens), for the local sign-in screen. */
export interface DemoPrincipal {
  readonly token: string;
  readonly role: string;
  readonly scope: string;
}

/** Served as /config.json: locally by `npm start`, on AWS written into the bucket at deploy. */
export type AppConfig =
  | { readonly mode: 'local'; readonly apiUrl: string; readonly principals: readonly DemoPrincipal[] }
  | {
      readonly mode: 'cognito';
      readonly apiUrl: string;
      readonly cognito: {
        readonly domain: string;
        readonly clientId: string;
        readonly region: string;
        readonly userPoolId: string;
        readonly redirectUri: string;
      };
    };

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error('De configuratie van de app kon niet geladen worden.');
  return (await response.json()) as AppConfig;
}
