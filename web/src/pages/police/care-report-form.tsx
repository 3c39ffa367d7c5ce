import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import categoriesConfig from '../../../../config/problem-categories.json' with { type: 'json' };
import { isMinorOn } from '../../../../shared/domain/household.ts';
import { type Api, ApiError } from '../../api.ts';
import {
  Alert,
  Button,
  ButtonGroup,
  CheckboxField,
  checkDateTime,
  DateTimeField,
  type DateTimeValue,
  EMPTY_DATE_TIME,
  ErrorMessage,
  ErrorSummary,
  Heading,
  Link,
  Paragraph,
  RadioGroupField,
  TextareaField,
  TextboxField,
} from '../../components/ui.tsx';
import { parseDutchDateTime } from '../../dutch-time.ts';
import { apiFieldErrors, type Check, first, required, useFormErrors } from '../../validation.ts';

/**
 * "Zorgmelding doen" (issue 15 build 4): the police's care report, field for field the contract of
 * `POST /intake/care-reports` (API.md, shared/api/care-report-schemas.ts), checked in Dutch before
 * it is sent; the API's 422 field errors land on the same fields. Safety before consent (DESIGN
 * C2): a yes to any of the three safety questions sends it to Veilig Thuis, whatever the consent.
 */

const CATEGORIES: readonly { id: string; label: string }[] = categoriesConfig.categories;

export const SUMMARY_MAX = 2000;
const MAX_HOUSEHOLD = 20;
const MAX_HOUSE_NUMBER = 99_999;
const REPORT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const POSTCODE = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
const FORMULA_START = /^[=+\-@]/;

const YES_NO = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
] as const;

const SAFETY_QUESTIONS = [
  { key: 'acuteUnsafety', id: 'cr-acute', legend: 'Is er sprake van acute onveiligheid?' },
  { key: 'domesticViolence', id: 'cr-violence', legend: 'Is er sprake van huiselijk geweld?' },
  { key: 'childUnsafety', id: 'cr-child', legend: 'Is er sprake van onveiligheid van een kind?' },
] as const;

type SafetyKey = (typeof SAFETY_QUESTIONS)[number]['key'];

const CONSENT_OPTIONS = [
  { value: 'given', label: 'Ja, de inwoner geeft toestemming' },
  { value: 'refused', label: 'Nee, de inwoner weigert' },
  { value: 'not-asked', label: 'Niet gevraagd' },
];

interface Draft {
  reportId: string;
  reportedAt: DateTimeValue;
  unit: string;
  categories: readonly string[];
  urgent: boolean;
  safety: Record<SafetyKey, '' | 'ja' | 'nee'>;
  consent: string;
  initials: string;
  prefix: string;
  surname: string;
  birthDate: string;
  postcode: string;
  houseNumber: string;
  houseNumberSuffix: string;
  street: string;
  city: string;
  householdKnown: boolean;
  adults: string;
  minors: readonly string[];
  summary: string;
}

const EMPTY: Draft = {
  reportId: '',
  reportedAt: EMPTY_DATE_TIME,
  unit: '',
  categories: [],
  urgent: false,
  safety: { acuteUnsafety: '', domesticViolence: '', childUnsafety: '' },
  consent: '',
  initials: '',
  prefix: '',
  surname: '',
  birthDate: '',
  postcode: '',
  houseNumber: '',
  houseNumberSuffix: '',
  street: '',
  city: '',
  householdKnown: false,
  adults: '',
  minors: [],
  summary: '',
};

/** Characters as a person (and the API) counts them: an emoji is one. */
export const characters = (text: string) => Array.from(text).length;

const nl = (n: number) => n.toLocaleString('nl-NL');

/** A Dutch date `dd-mm-jjjj` as `YYYY-MM-DD`, or the Dutch message. */
function parseDutchDate(text: string): { date?: string; message?: string } {
  const parsed = parseDutchDateTime(text, '12:00');
  return parsed.ok ? { date: parsed.iso.slice(0, 10) } : { message: parsed.message };
}

const tooLong = (value: string, max: number, label: string): Check =>
  characters(value.trim()) > max
    ? `${label} mag niet langer zijn dan ${nl(max)} tekens (nu ${nl(characters(value.trim()))}).`
    : undefined;

const noFormula = (value: string, label: string): Check =>
  FORMULA_START.test(value.trim()) ? `${label} mag niet beginnen met =, +, - of @.` : undefined;

const wholeNumber = (value: string, min: number, max: number, message: string): Check => {
  const text = value.trim();
  return /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? undefined : message;
};

/** The body of `POST /intake/care-reports` and the field errors of the form, from the draft. */
function validate(draft: Draft): { body?: Record<string, unknown>; checks: Record<string, Check> } {
  const reportedAt = checkDateTime('cr-reported-at', draft.reportedAt);
  const reportedDate = reportedAt.iso?.slice(0, 10);
  const birth = draft.birthDate.trim() ? parseDutchDate(draft.birthDate) : {};
  const minors = draft.householdKnown
    ? draft.minors.map((text) => (text.trim() ? parseDutchDate(text) : {}))
    : [];

  const checks: Record<string, Check> = {
    'cr-report-id': first(
      required(draft.reportId, 'Vul het registratienummer van de melding in.'),
      REPORT_ID.test(draft.reportId.trim())
        ? undefined
        : 'Het registratienummer mag alleen letters, cijfers, punt, streepje en liggend streepje bevatten (hoogstens 64 tekens), bijvoorbeeld PL0900-2026-123456.',
    ),
    ...(draft.reportedAt.date.trim() === '' && draft.reportedAt.time.trim() === ''
      ? { 'cr-reported-at-date': 'Vul de datum en tijd van de melding in.' }
      : reportedAt.errors),
    'cr-unit': first(
      required(draft.unit, 'Vul de eenheid in, bijvoorbeeld Basisteam Overvecht.'),
      tooLong(draft.unit, 200, 'De eenheid'),
      noFormula(draft.unit, 'De eenheid'),
    ),
    'cr-categories':
      draft.categories.length === 0 ? 'Kies minstens één zorg waar de melding over gaat.' : undefined,
    ...Object.fromEntries(
      SAFETY_QUESTIONS.map((question) => [
        question.id,
        draft.safety[question.key] === '' ? `Beantwoord de vraag: ${question.legend}` : undefined,
      ]),
    ),
    'cr-consent': required(draft.consent, 'Kies of de inwoner toestemming geeft.'),
    'cr-initials': first(
      tooLong(draft.initials, 20, 'De voorletters'),
      noFormula(draft.initials, 'De voorletters'),
    ),
    'cr-prefix': first(
      tooLong(draft.prefix, 20, 'Het tussenvoegsel'),
      noFormula(draft.prefix, 'Het tussenvoegsel'),
    ),
    'cr-surname': first(
      required(draft.surname, 'Vul de achternaam van de inwoner in.'),
      tooLong(draft.surname, 200, 'De achternaam'),
      noFormula(draft.surname, 'De achternaam'),
    ),
    'cr-birth-date': first(
      birth.message,
      birth.date && reportedDate && birth.date > reportedDate
        ? 'De geboortedatum ligt na de datum van de melding.'
        : undefined,
    ),
    'cr-postcode': first(
      required(draft.postcode, 'Vul de postcode in.'),
      POSTCODE.test(draft.postcode.trim())
        ? undefined
        : 'Vul een postcode in van vier cijfers en twee letters, bijvoorbeeld 3561 AB.',
    ),
    'cr-house-number': first(
      required(draft.houseNumber, 'Vul het huisnummer in.'),
      wholeNumber(
        draft.houseNumber,
        1,
        MAX_HOUSE_NUMBER,
        `Vul als huisnummer een getal van 1 tot en met ${nl(MAX_HOUSE_NUMBER)} in, zonder toevoeging.`,
      ),
    ),
    'cr-suffix': tooLong(draft.houseNumberSuffix, 10, 'De toevoeging'),
    'cr-street': first(tooLong(draft.street, 200, 'De straat'), noFormula(draft.street, 'De straat')),
    'cr-city': first(tooLong(draft.city, 100, 'De woonplaats'), noFormula(draft.city, 'De woonplaats')),
    ...(draft.householdKnown
      ? {
          'cr-adults': draft.adults.trim()
            ? wholeNumber(
                draft.adults,
                0,
                MAX_HOUSEHOLD,
                `Vul als aantal volwassenen een getal van 0 tot en met ${MAX_HOUSEHOLD} in.`,
              )
            : undefined,
          ...Object.fromEntries(
            minors.map((minor, index) => [
              `cr-minor-${index}`,
              first(
                minor.message,
                minor.date && reportedDate && minor.date > reportedDate
                  ? `De geboortedatum van minderjarige ${index + 1} ligt na de datum van de melding.`
                  : undefined,
                minor.date && reportedDate && !isMinorOn(minor.date, reportedDate)
                  ? `Minderjarige ${index + 1} was op de datum van de melding 18 jaar of ouder: tel deze persoon bij de volwassenen.`
                  : undefined,
              ),
            ]),
          ),
        }
      : {}),
    'cr-summary': tooLong(draft.summary, SUMMARY_MAX, 'De samenvatting'),
  };
  if (Object.values(checks).some(Boolean)) return { checks };

  const text = (value: string) => (value.trim() ? value.trim() : undefined);
  const body = {
    reportId: draft.reportId.trim(),
    reportedAt: reportedAt.iso,
    unit: draft.unit.trim(),
    categories: CATEGORIES.filter((category) => draft.categories.includes(category.id)).map(
      (category) => category.id,
    ),
    urgent: draft.urgent,
    safety: {
      acuteUnsafety: draft.safety.acuteUnsafety === 'ja',
      domesticViolence: draft.safety.domesticViolence === 'ja',
      childUnsafety: draft.safety.childUnsafety === 'ja',
    },
    consent: draft.consent,
    person: {
      initials: text(draft.initials),
      prefix: text(draft.prefix),
      surname: draft.surname.trim(),
      birthDate: birth.date,
    },
    address: {
      postcode: draft.postcode.trim(),
      houseNumber: Number(draft.houseNumber.trim()),
      houseNumberSuffix: text(draft.houseNumberSuffix),
      street: text(draft.street),
      city: text(draft.city),
    },
    household: draft.householdKnown
      ? {
          adults: draft.adults.trim() ? Number(draft.adults.trim()) : undefined,
          minors: minors.map((minor) => (minor.date ? { birthDate: minor.date } : {})),
        }
      : undefined,
    summary: text(draft.summary),
  };
  return { body, checks };
}

const FIELD_IDS: Readonly<Record<string, string>> = {
  reportId: 'cr-report-id',
  reportedAt: 'cr-reported-at-date',
  unit: 'cr-unit',
  categories: 'cr-categories',
  urgent: 'cr-urgent',
  safety: 'cr-acute',
  'safety.acuteUnsafety': 'cr-acute',
  'safety.domesticViolence': 'cr-violence',
  'safety.childUnsafety': 'cr-child',
  consent: 'cr-consent',
  person: 'cr-surname',
  'person.initials': 'cr-initials',
  'person.prefix': 'cr-prefix',
  'person.surname': 'cr-surname',
  'person.birthDate': 'cr-birth-date',
  address: 'cr-postcode',
  'address.postcode': 'cr-postcode',
  'address.houseNumber': 'cr-house-number',
  'address.houseNumberSuffix': 'cr-suffix',
  'address.street': 'cr-street',
  'address.city': 'cr-city',
  'household.adults': 'cr-adults',
  'household.minors': 'cr-minor-0',
  summary: 'cr-summary',
};

/** The form field of an API field name (`categories.2` → the categories, `household.minors.1.birthDate` → minor 2). */
function fieldIdOf(field: string): string | undefined {
  const minor = /^household\.minors\.(\d+)/.exec(field);
  if (minor) return `cr-minor-${minor[1]}`;
  return FIELD_IDS[field] ?? FIELD_IDS[field.replace(/\.\d+$/, '')];
}

/**
 * The API's messages name its JSON fields for developers ("Het tijdstip van de melding (reportedAt)
 * ligt in de toekomst."); the form shows them without the field name in brackets.
 */
const withoutFieldName = (message: string) => message.replace(/\s*\([a-zA-Z.]+\)/g, '');

/** The API's 422 details on the fields of this form; answers whether every detail found its field. */
function apiErrorsOnFields(error: unknown): { errors: Record<string, string>; complete: boolean } {
  if (!(error instanceof ApiError) || error.details.length === 0) return { errors: {}, complete: false };
  const map = Object.fromEntries(
    error.details.flatMap((detail) => {
      const id = fieldIdOf(detail.field);
      return id ? [[detail.field, id]] : [];
    }),
  );
  const found = apiFieldErrors(error, map);
  const errors = Object.fromEntries(
    Object.entries(found).map(([id, message]) => [id, withoutFieldName(message)]),
  );
  return { errors, complete: error.details.every((detail) => map[detail.field] !== undefined) };
}

interface Receipt {
  readonly reportId: string;
  readonly signalId: string;
  readonly status: 'accepted' | 'duplicate';
  readonly safety: boolean;
  readonly consent: string;
}

export function CareReportForm({ api }: { api: Api }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [receipt, setReceipt] = useState<Receipt>();
  const form = useFormErrors();
  const confirmation = useRef<HTMLDivElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const input = (key: keyof Draft) => (event: { currentTarget: { value: string } }) =>
    set(key, event.currentTarget.value as never);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const { body, checks } = validate(draft);
    if (!form.check(checks) || !body) return;
    setSending(true);
    try {
      const answer = await api.post<{ signalId: string; status: 'accepted' | 'duplicate' }>(
        '/intake/care-reports',
        body,
      );
      const safety = Object.values(draft.safety).includes('ja');
      setReceipt({ reportId: body.reportId as string, ...answer, safety, consent: draft.consent });
      setDraft(EMPTY);
      form.clear();
      setTimeout(() => confirmation.current?.focus());
    } catch (caught) {
      const { errors, complete } = apiErrorsOnFields(caught);
      if (Object.keys(errors).length > 0) form.show(errors);
      if (!complete) setError(caught);
    } finally {
      setSending(false);
    }
  };

  if (receipt) {
    return (
      <div class="app-narrow">
        <Heading level={1}>Zorgmelding doen</Heading>
        <div ref={confirmation} tabIndex={-1}>
          <Alert
            type="ok"
            role="status"
            heading={
              receipt.status === 'duplicate'
                ? `Zorgmelding ${receipt.reportId} was al ontvangen`
                : `Zorgmelding ${receipt.reportId} is ontvangen`
            }
          >
            <Paragraph>{nextStep(receipt)}</Paragraph>
          </Alert>
        </div>
        <Heading level={2}>Wat gebeurt er nu?</Heading>
        <Paragraph>
          U ziet de terugkoppeling bij <Link href="#/meldingen">Mijn meldingen</Link>: ontvangen, opgepakt,
          niet opgepakt of afgerond. De reden en de aantekeningen van het team krijgt de politie niet.
        </Paragraph>
        <ButtonGroup>
          <Button appearance="primary-action" onClick={() => setReceipt(undefined)}>
            Nog een zorgmelding doen
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  const summaryLength = characters(draft.summary.trim());
  const minorsLeft = MAX_HOUSEHOLD - draft.minors.length;
  return (
    <div class="app-narrow">
      <Heading level={1}>Zorgmelding doen</Heading>
      <Paragraph lead>
        Meld een zorg over een inwoner aan de buurtteams van Utrecht. Zorgen over veiligheid gaan direct naar
        Veilig Thuis.
      </Paragraph>
      <Paragraph small>Alle velden zijn verplicht, behalve waar "(niet verplicht)" staat.</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary errors={form.errors} ref={form.summary} />
        <ErrorMessage error={error} />

        <Heading level={2}>De melding</Heading>
        <TextboxField
          id="cr-report-id"
          label="Registratienummer"
          description="Het nummer van de melding in het politiesysteem, bijvoorbeeld PL0900-2026-123456. Met hetzelfde nummer wordt een melding niet dubbel verwerkt."
          value={draft.reportId}
          onInput={input('reportId')}
          error={form.errors['cr-report-id']}
          autoComplete="off"
        />
        <DateTimeField
          id="cr-reported-at"
          legend="Datum en tijd van de melding"
          errors={form.errors}
          value={draft.reportedAt}
          onChange={(value) => set('reportedAt', value)}
        />
        <TextboxField
          id="cr-unit"
          label="Eenheid"
          description="Bijvoorbeeld Basisteam Overvecht."
          value={draft.unit}
          onInput={input('unit')}
          error={form.errors['cr-unit']}
        />
        <CheckboxGroup
          id="cr-categories"
          legend="Waar gaat de zorg over?"
          description="Kies een of meer. De zwaarste bepaalt welk buurtteam de melding krijgt."
          error={form.errors['cr-categories']}
        >
          {CATEGORIES.map((category) => (
            <CheckboxField
              key={category.id}
              id={`cr-categories-${category.id}`}
              label={category.label}
              checked={draft.categories.includes(category.id)}
              onChange={(checked) =>
                set(
                  'categories',
                  checked
                    ? [...draft.categories, category.id]
                    : draft.categories.filter((id) => id !== category.id),
                )
              }
            />
          ))}
        </CheckboxGroup>
        <CheckboxField
          id="cr-urgent"
          label="Spoed: het buurtteam moet snel contact opnemen"
          checked={draft.urgent}
          onChange={(checked) => set('urgent', checked)}
        />

        <Heading level={2}>Veiligheid</Heading>
        <Paragraph>
          Is het antwoord op een van deze vragen ja, dan gaat de melding direct naar Veilig Thuis (Meldcode),
          ook zonder toestemming van de inwoner.
        </Paragraph>
        {SAFETY_QUESTIONS.map((question) => (
          <RadioGroupField
            key={question.id}
            id={question.id}
            legend={question.legend}
            value={draft.safety[question.key]}
            options={YES_NO}
            error={form.errors[question.id]}
            onChange={(value) => set('safety', { ...draft.safety, [question.key]: value as 'ja' | 'nee' })}
          />
        ))}
        <RadioGroupField
          id="cr-consent"
          legend="Geeft de inwoner toestemming om de melding door te geven?"
          description="Zonder toestemming wordt de melding niet opgepakt (behalve bij zorgen over veiligheid). Niet gevraagd: het buurtteam biedt hulp aan met alleen naam, adres en de zorgen; de samenvatting wordt dan niet bewaard."
          value={draft.consent}
          options={CONSENT_OPTIONS}
          error={form.errors['cr-consent']}
          onChange={(value) => set('consent', value)}
        />

        <Heading level={2}>De inwoner</Heading>
        <TextboxField
          id="cr-initials"
          label="Voorletters (niet verplicht)"
          value={draft.initials}
          onInput={input('initials')}
          error={form.errors['cr-initials']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-prefix"
          label="Tussenvoegsel (niet verplicht)"
          value={draft.prefix}
          onInput={input('prefix')}
          error={form.errors['cr-prefix']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-surname"
          label="Achternaam"
          value={draft.surname}
          onInput={input('surname')}
          error={form.errors['cr-surname']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-birth-date"
          label="Geboortedatum (niet verplicht)"
          description="Als dag-maand-jaar, bijvoorbeeld 03-02-1971."
          placeholder="dd-mm-jjjj"
          inputMode="numeric"
          value={draft.birthDate}
          onInput={input('birthDate')}
          error={form.errors['cr-birth-date']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-postcode"
          label="Postcode"
          description="Bijvoorbeeld 3561 AB."
          value={draft.postcode}
          onInput={input('postcode')}
          error={form.errors['cr-postcode']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-house-number"
          label="Huisnummer"
          inputMode="numeric"
          value={draft.houseNumber}
          onInput={input('houseNumber')}
          error={form.errors['cr-house-number']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-suffix"
          label="Toevoeging (niet verplicht)"
          description="Bijvoorbeeld A of bis."
          value={draft.houseNumberSuffix}
          onInput={input('houseNumberSuffix')}
          error={form.errors['cr-suffix']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-street"
          label="Straat (niet verplicht)"
          value={draft.street}
          onInput={input('street')}
          error={form.errors['cr-street']}
          autoComplete="off"
        />
        <TextboxField
          id="cr-city"
          label="Woonplaats (niet verplicht)"
          value={draft.city}
          onInput={input('city')}
          error={form.errors['cr-city']}
          autoComplete="off"
        />

        <Heading level={2}>Het huishouden</Heading>
        <CheckboxField
          id="cr-household-known"
          label="Ik weet hoe het huishouden is samengesteld"
          description="Niet aangevinkt: de samenstelling is onbekend; het buurtteam zoekt het na."
          checked={draft.householdKnown}
          onChange={(checked) => set('householdKnown', checked)}
        />
        {draft.householdKnown && (
          <>
            <TextboxField
              id="cr-adults"
              label="Aantal volwassenen (niet verplicht)"
              description="Iedereen van 18 jaar en ouder, de inwoner meegeteld."
              inputMode="numeric"
              value={draft.adults}
              onInput={input('adults')}
              error={form.errors['cr-adults']}
              autoComplete="off"
            />
            <Heading level={3}>Minderjarigen</Heading>
            {draft.minors.length === 0 && <Paragraph>Geen minderjarigen opgegeven.</Paragraph>}
            {draft.minors.map((minor, index) => (
              <div key={index}>
                <TextboxField
                  id={`cr-minor-${index}`}
                  label={`Geboortedatum minderjarige ${index + 1} (niet verplicht)`}
                  description="Als dag-maand-jaar; leeg als u die niet weet."
                  placeholder="dd-mm-jjjj"
                  inputMode="numeric"
                  value={minor}
                  onInput={(event) =>
                    set(
                      'minors',
                      draft.minors.map((value, at) => (at === index ? event.currentTarget.value : value)),
                    )
                  }
                  error={form.errors[`cr-minor-${index}`]}
                  autoComplete="off"
                />
                <ButtonGroup>
                  <Button
                    appearance="subtle"
                    onClick={() =>
                      set(
                        'minors',
                        draft.minors.filter((_, at) => at !== index),
                      )
                    }
                  >
                    Minderjarige {index + 1} verwijderen
                  </Button>
                </ButtonGroup>
              </div>
            ))}
            {minorsLeft > 0 && (
              <ButtonGroup>
                <Button onClick={() => set('minors', [...draft.minors, ''])}>Minderjarige toevoegen</Button>
              </ButtonGroup>
            )}
          </>
        )}

        <Heading level={2}>Samenvatting</Heading>
        <TextareaField
          id="cr-summary"
          label="Samenvatting (niet verplicht)"
          description={
            <>
              Wat is er aan de hand en wat heeft de inwoner nodig? Hoogstens {nl(SUMMARY_MAX)} tekens.{' '}
              <span>
                {summaryLength <= SUMMARY_MAX
                  ? `Nog ${nl(SUMMARY_MAX - summaryLength)} van ${nl(SUMMARY_MAX)} tekens over.`
                  : `${nl(summaryLength - SUMMARY_MAX)} ${summaryLength - SUMMARY_MAX === 1 ? 'teken' : 'tekens'} te veel.`}
              </span>
            </>
          }
          rows={8}
          value={draft.summary}
          onInput={input('summary')}
          error={form.errors['cr-summary']}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action" busy={sending} disabled={sending}>
            {sending ? 'Versturen…' : 'Zorgmelding versturen'}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** What happens to the report now (DESIGN C2), in the order the service decides it. */
function nextStep(receipt: Receipt): string {
  if (receipt.status === 'duplicate')
    return 'Een melding met dit registratienummer was al eerder ontvangen; er is niets dubbel aangemaakt.';
  if (receipt.safety)
    return 'Omdat er zorgen over veiligheid zijn, is de melding direct doorgezet naar Veilig Thuis (Meldcode), ook zonder toestemming. Veilig Thuis neemt haar in behandeling; voor de politie is de melding daarmee afgerond.';
  if (receipt.consent === 'refused')
    return 'De inwoner gaf geen toestemming: de melding wordt niet opgepakt. Alleen de ontvangst wordt bewaard.';
  if (receipt.consent === 'not-asked')
    return 'Een buurtteam biedt de inwoner hulp aan, met alleen naam, adres en de zorgen: de samenvatting wordt niet bewaard.';
  return 'Een buurtteam neemt contact op met de inwoner. De melding gaat naar het team van de wijk dat past bij de zwaarste zorg.';
}

/** Several checkboxes under one question: a Utrecht fieldset with its legend, description and error. */
function CheckboxGroup({
  id,
  legend,
  description,
  error,
  children,
}: {
  id: string;
  legend: string;
  description: string;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div
      class={
        error
          ? 'utrecht-form-fieldset utrecht-form-fieldset--distanced utrecht-form-fieldset--invalid'
          : 'utrecht-form-fieldset utrecht-form-fieldset--distanced'
      }
    >
      <fieldset
        class="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={error ? `${id}-description ${id}-error` : `${id}-description`}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        <div id={`${id}-description`} class="utrecht-form-field-description utrecht-form-field__description">
          {description}
        </div>
        {error && (
          <p id={`${id}-error`} class="utrecht-form-field-error-message utrecht-form-field__error-message">
            {error}
          </p>
        )}
        {children}
      </fieldset>
    </div>
  );
}
