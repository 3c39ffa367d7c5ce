import { useState } from 'preact/hooks';
import {
  Button,
  ButtonGroup,
  ErrorMessage,
  ErrorSummary,
  Heading,
  SelectField,
  TextareaField,
} from '../../components/ui.tsx';
import { TEAM_IDS, teamLabel } from '../../labels.ts';
import { apiFieldErrors, first, maxLength, required, useFormErrors } from '../../validation.ts';
import type { Act } from './types.ts';

/** Re-routing with a reason (routing is provisional, DESIGN R-rules); the deadline stays. */
export function RerouteForm({ current, act }: { current: string; act: Act }) {
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useFormErrors();

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const valid = form.check({
      'reroute-team': required(teamId, 'Kies een team.'),
      'reroute-reason': first(
        required(reason, 'Vul een reden in.'),
        reason.trim().length < 3 ? 'Vul een reden in van minstens 3 tekens.' : undefined,
        maxLength(reason, 500, 'De reden'),
      ),
    });
    if (!valid) return;
    setBusy(true);
    try {
      await act('reroute', { teamId, reason: reason.trim() }, 'Signaal doorgezet.');
    } catch (caught) {
      const fields = apiFieldErrors(caught, { teamId: 'reroute-team', reason: 'reroute-reason' });
      if (Object.keys(fields).length > 0) form.show(fields);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="reroute-title" class="panel">
      <Heading level={2} id="reroute-title">
        Doorzetten naar een ander team
      </Heading>
      <ErrorMessage error={error} />
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={form.errors} ref={form.summary} />
        <SelectField
          id="reroute-team"
          label="Team"
          placeholder="Kies een team…"
          value={teamId}
          onChange={setTeamId}
          error={form.errors['reroute-team']}
          options={TEAM_IDS.filter((id) => id !== current).map((id) => ({ value: id, label: teamLabel(id) }))}
        />
        <TextareaField
          id="reroute-reason"
          label="Reden"
          description="De termijn blijft staan."
          rows={2}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
          error={form.errors['reroute-reason']}
        />
        <ButtonGroup>
          <Button type="submit" busy={busy}>
            Doorzetten
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
