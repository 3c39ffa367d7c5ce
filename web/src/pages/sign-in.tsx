import { useState } from 'preact/hooks';
import type { AppConfig } from '../config.ts';
import { principalLabel } from '../labels.ts';
import { type Session, startCognitoSignIn } from '../session.ts';

/**
 * Locally: choose one of the demo principals of API.md (their tokens are fixed and public).
 * On AWS: the Cognito sign-in page.
 */
export function SignIn({ config, onSignIn }: { config: AppConfig; onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  if (config.mode === 'cognito') {
    return (
      <main id="main" class="sign-in">
        <h1>Buurtsignaal</h1>
        <p>Meld u aan met uw account van de gemeente of uw organisatie.</p>
        <button type="button" class="button" onClick={() => void startCognitoSignIn(config)}>
          Aanmelden
        </button>
      </main>
    );
  }
  const principals = config.principals;
  const submit = (event: Event) => {
    event.preventDefault();
    const chosen = principals.find((principal) => principal.token === token);
    if (chosen) onSignIn(chosen);
  };
  return (
    <main id="main" class="sign-in">
      <h1>Buurtsignaal</h1>
      <p>
        Lokale demo-omgeving. Kies met welke rol u werkt; de demo-tokens staan in API.md en worden door{' '}
        <code>npm start</code> getoond.
      </p>
      <form onSubmit={submit}>
        <label for="principal">Aanmelden als</label>
        <select
          id="principal"
          value={token}
          onChange={(event) => setToken(event.currentTarget.value)}
          required
        >
          <option value="">Kies een rol…</option>
          {principals.map((principal) => (
            <option key={principal.token} value={principal.token}>
              {principalLabel(principal)} ({principal.token})
            </option>
          ))}
        </select>
        <button type="submit" class="button">
          Aanmelden
        </button>
      </form>
    </main>
  );
}
