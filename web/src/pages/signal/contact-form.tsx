import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  ButtonGroup,
  checkDateTime,
  DateTimeField,
  EMPTY_DATE_TIME,
  ErrorMessage,
  ErrorSummary,
  Heading,
  RadioGroupField,
  SelectField,
  TextareaField,
} from '../../components/ui.tsx';
import { CONTACT_KINDS } from '../../labels.ts';
import { apiFieldErrors, maxLength, required, useFormErrors } from '../../validation.ts';
import type { Act } from './types.ts';

const KIND_OPTIONS = Object.entries(CONTACT_KINDS).map(([value, label]) => ({ value, label }));
const REACHED_OPTIONS = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];
/** The API's fields (422 details) on this form's fields. */
const API_FIELDS = {
  kind: 'contact-kind',
  reached: 'contact-reached',
  at: 'contact-at-date',
  note: 'contact-note',
};

/**
 * A contact attempt (D3). Nothing is chosen beforehand: a "bereikt" by accident would stop the
 * escalation and count as a first contact. The moment is entered the Dutch way (empty: now).
 * After saving the form is empty again and says so.
 */
export function ContactForm({ act }: { act: Act }) {
  const [kind, setKind] = useState('');
  const [reached, setReached] = useState('');
  const [at, setAt] = useState(EMPTY_DATE_TIME);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useFormErrors();

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    setError(undefined);
    const moment = checkDateTime('contact-at', at, { optional: true });
    const valid = form.check({
      'contact-kind': required(kind, 'Kies de soort contact.'),
      'contact-reached': required(reached, 'Kies of u de inwoner hebt bereikt.'),
      ...moment.errors,
      'contact-note': maxLength(note, 2000, 'De notitie'),
    });
    if (!valid) return;
    setBusy(true);
    try {
      await act(
        'contact-attempts',
        {
          kind,
          reached: reached === 'ja',
          ...(moment.iso ? { at: moment.iso } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
        '',
      );
      setKind('');
      setReached('');
      setAt(EMPTY_DATE_TIME);
      setNote('');
      form.clear();
      setSaved(true);
    } catch (caught) {
      const fields = apiFieldErrors(caught, API_FIELDS);
      if (Object.keys(fields).length > 0) form.show(fields);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="contact-form-title">
      <Heading level={3} id="contact-form-title">
        Contactpoging vastleggen
      </Heading>
      {saved && (
        <Alert type="ok" role="status">
          <p class="utrecht-paragraph">Contactpoging vastgelegd.</p>
        </Alert>
      )}
      <ErrorMessage error={error} />
      <ErrorSummary errors={form.errors} ref={form.summary} />
      <SelectField
        id="contact-kind"
        label="Soort contact"
        placeholder="Kies de soort contact…"
        value={kind}
        options={KIND_OPTIONS}
        onChange={setKind}
        error={form.errors['contact-kind']}
      />
      <RadioGroupField
        id="contact-reached"
        legend="Inwoner bereikt?"
        value={reached}
        options={REACHED_OPTIONS}
        onChange={setReached}
        error={form.errors['contact-reached']}
      />
      <DateTimeField
        id="contact-at"
        legend="Moment (niet verplicht)"
        description="Leeg: nu. Datum als dag-maand-jaar en tijd als uu:mm, bijvoorbeeld 01-12-2026 en 09:30."
        value={at}
        onChange={setAt}
        errors={form.errors}
      />
      <TextareaField
        id="contact-note"
        label="Notitie (niet verplicht)"
        rows={2}
        value={note}
        onInput={(event) => setNote(event.currentTarget.value)}
        error={form.errors['contact-note']}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action" busy={busy}>
          Vastleggen
        </Button>
      </ButtonGroup>
    </form>
  );
}
