import { useState } from 'preact/hooks';
import { Button, ButtonGroup } from '../components/button.tsx';
import { Alert } from '../components/feedback.tsx';
import { ErrorSummary, SelectField } from '../components/form.tsx';
import { Heading, Paragraph } from '../components/typography.tsx';
import type { AppConfig } from '../config.ts';
import { principalLabel } from '../labels.ts';
import { type Session, startCognitoSignIn } from '../session.ts';
import { required, useFormErrors } from '../validation.ts';

/**
 * Roles without the web app (issue 15 build 4): `cbs` is CBS's machine client for the DDAS delivery
 * (`POST /ddas/v1/gegevens`), not a person; signing in with it is refused in words, and no app opens.
 */
export function webAccessRefusal(role: string): string | undefined {
  return role === 'cbs'
    ? 'De rol cbs is een machinekoppeling voor CBS en heeft geen toegang tot de webapp.'
    : undefined;
}

/**
 * Locally: choose one of the demo principals of API.md (their tokens are fixed and public).
 * On AWS: the Cognito sign-in page.
 */
export function SignIn({ config, onSignIn }: { config: AppConfig; onSignIn: (session: Session) => void }) {
  const [token, setToken] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const form = useFormErrors();
  if (config.mode === 'cognito') {
    return (
      <div class="app-narrow">
        <Heading level={1}>Aanmelden bij Buurtsignaal</Heading>
        <Paragraph>Meld u aan met uw account van de gemeente of uw organisatie.</Paragraph>
        <ButtonGroup>
          <Button appearance="primary-action" onClick={() => void startCognitoSignIn(config)}>
            Aanmelden
          </Button>
        </ButtonGroup>
      </div>
    );
  }
  const principals = config.principals;
  const submit = (event: Event) => {
    event.preventDefault();
    setRefusal(undefined);
    if (!form.check({ principal: required(token, 'Kies met welke rol u wilt aanmelden.') })) return;
    const chosen = principals.find((principal) => principal.token === token);
    const refused = chosen && webAccessRefusal(chosen.role);
    if (refused) setRefusal(refused);
    else if (chosen) onSignIn(chosen);
  };
  return (
    <div class="app-narrow">
      <Heading level={1}>Aanmelden bij Buurtsignaal</Heading>
      <Paragraph>
        Lokale demo-omgeving. Kies met welke rol u werkt; de demo-tokens staan in API.md en worden door{' '}
        <code class="utrecht-code">npm start</code> getoond.
      </Paragraph>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={form.errors} ref={form.summary} />
        {refusal && (
          <Alert type="error" role="alert" heading="Geen toegang tot de webapp">
            <p class="utrecht-paragraph">{refusal}</p>
          </Alert>
        )}
        <SelectField
          id="principal"
          label="Aanmelden als"
          placeholder="Kies een rol…"
          value={token}
          onChange={setToken}
          error={form.errors.principal}
          options={principals.map((principal) => ({
            value: principal.token,
            label: `${principalLabel(principal)} (${principal.token})`,
          }))}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action">
            Aanmelden
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}
