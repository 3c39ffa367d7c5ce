/**
 * The web app's Content-Security-Policy. CloudFront sends it on AWS and `npm start` sends it locally,
 * so the browser tests see everything it would block. The Vite build has no inline scripts or
 * styles, so nothing needs 'unsafe-inline'.
 *
 * @param connectSources origins the app fetches from besides its own: the API and Cognito on AWS.
 */
export function webAppContentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "manifest-src 'self'",
    ["connect-src 'self'", ...connectSources].join(' '),
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
