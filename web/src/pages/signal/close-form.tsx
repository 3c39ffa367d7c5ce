import { useEffect, useRef, useState } from 'preact/hooks';
import { closableWithoutContact } from '../../../../shared/domain/closing-rules.ts';
import { OUTCOME_CODES } from '../../../../shared/domain/outcomes.ts';
import {
  Alert,
  Button,
  ButtonGroup,
  ErrorMessage,
  ErrorSummary,
  Heading,
  Paragraph,
  RadioGroupField,
  SelectField,
} from '../../components/ui.tsx';
import { outcomeLabel } from '../../labels.ts';
import { apiFieldErrors, required, useFormErrors } from '../../validation.ts';
import type { Act } from './types.ts';

const option = ({ code, label }: { code: string; label: string }) => ({ value: code, label });
/** The national DDAS list (DESIGN O1, config/outcome-codes.json). */
const ALL_OUTCOMES = OUTCOME_CODES.map(option);
/** Without any contact attempt only a reason why it was not picked up (closing-rules.ts, the API's rule). */
const NOT_PICKED_UP = OUTCOME_CODES.filter(closableWithoutContact).map(option);

/**
 * Closing with a DDAS outcome (O1) in two steps: choose, then confirm the outcome spelled out,
 * since it cannot be undone. With zero contact attempts the choice is a reason category: only the
 * "niet opgepakt" outcomes, as the API allows (it answers 422 on `outcome` otherwise, shown at the field).
 */
export function CloseForm({ attempts, act }: { attempts: number; act: Act }) {
  const [outcome, setOutcome] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useFormErrors();
  const confirmation = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);

  const choose = (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (!form.check({ 'close-outcome': required(outcome, 'Kies een uitkomst.') })) return;
    setConfirming(true);
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await act('close', { outcome }, 'Signaal afgesloten.');
    } catch (caught) {
      setConfirming(false);
      const fields = apiFieldErrors(caught, { outcome: 'close-outcome' });
      if (Object.keys(fields).length > 0) form.show(fields);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="close-title" class="panel">
      <Heading level={2} id="close-title">
        Afsluiten
      </Heading>
      <ErrorMessage error={error} />
      {confirming ? (
        <Alert type="warning">
          <Heading level={3} id="close-confirmation" tabIndex={-1} ref={confirmation}>
            Afsluiten bevestigen
          </Heading>
          <Paragraph>
            U sluit dit signaal af met: <strong>{outcomeLabel(outcome)}</strong>. Dit kan niet ongedaan worden
            gemaakt.
          </Paragraph>
          <ButtonGroup>
            <Button appearance="primary-action" hint="danger" busy={busy} onClick={() => void confirm()}>
              Bevestigen
            </Button>
            <Button onClick={() => setConfirming(false)}>Annuleren</Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <form noValidate onSubmit={choose}>
          <ErrorSummary errors={form.errors} ref={form.summary} />
          {attempts === 0 ? (
            <RadioGroupField
              id="close-outcome"
              legend="Reden waarom het signaal niet is opgepakt"
              description="Zonder contactpoging kunt u alleen afsluiten met een reden waarom het signaal niet is opgepakt. Leg anders eerst een contactpoging vast."
              value={outcome}
              options={NOT_PICKED_UP}
              onChange={setOutcome}
              error={form.errors['close-outcome']}
            />
          ) : (
            <SelectField
              id="close-outcome"
              label="Uitkomst (DDAS)"
              placeholder="Kies een uitkomst…"
              value={outcome}
              options={ALL_OUTCOMES}
              onChange={setOutcome}
              error={form.errors['close-outcome']}
            />
          )}
          <ButtonGroup>
            <Button type="submit">Afsluiten…</Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
