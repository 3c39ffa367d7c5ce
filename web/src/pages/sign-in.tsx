import { useState } from 'preact/hooks';
import { SelectField } from '../components/ui.tsx';
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
        <SelectField
          id="principal"
          label="Aanmelden als"
          placeholder="Kies een rol…"
          value={token}
          onChange={setToken}
          options={principals.map((principal) => ({
            value: principal.token,
            label: `${principalLabel(principal)} (${principal.token})`,
          }))}
        />
        <button type="submit" class="button">
          Aanmelden
        </button>
      </form>
    </main>
  );
}
