import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import {
  gegevensRequestSchema,
  gegevensResponseSchema,
  uitwisselmodelSchema,
} from '../../shared/api/ddas-schemas.ts';
import { planAppointment, recordAppointmentOutcome } from '../../shared/domain/appointments.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import {
  buildDdasDelivery,
  type DdasNotRoutedRecord,
  type DdasRecord,
  type DdasSupplierConfig,
  ddasBedrag,
  ddasClientOf,
  UTRECHT_GEMEENTECODE,
} from '../../shared/domain/ddas-delivery.ts';
import { type DebtSignalInput, debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import type { HouseholdFindings } from '../../shared/domain/household-history.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { ContactAttempt, ContactKind, Signal } from '../../shared/domain/signal.ts';
import { close } from '../../shared/domain/team-actions.ts';
import { sampleCareReports } from '../support/samples.ts';

// DESIGN X1–X2: the DDAS delivery, case by case against hand-computed expectations, and the whole
// answer against an independent oracle: a JSON Schema 2020-12 written below by hand from the public
// Uitwisselmodel v1.2 (VNG-Realisatie/ddas-vroegsignalering, v1.2/json_schema_Uitwisselmodel.json)
// and the DDAS-VS 1.0 `GegevensRequest` / `Paginering` — not generated from our zod schemas — checked
// with Ajv, next to our zod schemas (shared/api/ddas-schemas.ts).

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

// ---------------------------------------------------------------------------------------------
// The oracle

const datum = { type: 'string', format: 'date' };
const UITWISSELMODEL_ID = 'https://oracle.invalid/ddas/v1.2/json_schema_Uitwisselmodel.json';
const UITWISSELMODEL_V1_2 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: UITWISSELMODEL_ID,
  type: 'object',
  properties: {
    startdatumLevering: { $ref: '#/$defs/datum' },
    einddatumLevering: { $ref: '#/$defs/datum' },
    aanleverdatumEnTijd: { type: 'string', format: 'date-time' },
    codeGegevensleverancier: { type: 'string' },
    leveringen: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: {
        type: 'object',
        properties: {
          teller: { type: 'integer' },
          gemeentecode: { type: 'string' },
          aanleverendeOrganisatie: {
            type: 'object',
            properties: {
              naam: { type: 'string' },
              'kvk-nummer': { type: 'string' },
              contactpersonen: {
                type: 'array',
                minItems: 1,
                uniqueItems: true,
                items: {
                  type: 'object',
                  properties: {
                    naam: { type: 'string' },
                    telefoonnummer: { type: 'string' },
                    email: { type: 'string', format: 'email' },
                    functietitel: { type: 'string' },
                  },
                  additionalProperties: false,
                },
              },
            },
            additionalProperties: false,
          },
          vroegsignalen: { type: 'array', items: { $ref: '#/$defs/vroegsignaal' } },
          vroegsignaalzaken: { type: 'array', items: { $ref: '#/$defs/vroegsignaalzaak' } },
        },
        required: ['aanleverendeOrganisatie', 'gemeentecode', 'teller'],
        additionalProperties: false,
      },
    },
  },
  required: ['aanleverdatumEnTijd', 'codeGegevensleverancier', 'einddatumLevering', 'startdatumLevering'],
  additionalProperties: false,
  $defs: {
    datum,
    vroegsignaal: {
      type: 'object',
      properties: {
        ID: { type: 'string' },
        crisissignaal: { type: 'boolean' },
        warmeOverdracht: { type: 'boolean' },
        bedrag: { type: 'integer' },
        ontstaansdatum: { $ref: '#/$defs/datum' },
        signaaldatum: { $ref: '#/$defs/datum' },
        status: {
          enum: [
            'Inwoner al bekend bij schuldhulpverlening',
            'Inwoner is overleden',
            'Niet opgepakt: andere reden',
            'Niet opgepakt: herhaalde melding',
            'Niet opgepakt: onterecht signaal',
            'Nog niet opgepakt',
            'Opgepakt',
            'Persoon is geen inwoner (meer) in de gemeente',
          ],
        },
        signaalpartner: {
          type: 'object',
          properties: {
            type: {
              enum: [
                'Belastingdienst',
                'CAK Eigen bijdrage',
                'CAK Zorgverzekeringen',
                'Dienst Toeslagen',
                'DUO',
                'Energie',
                'Huur',
                'Hypotheek',
                'Overige',
                'Water',
                'Zorg',
              ],
            },
          },
          additionalProperties: false,
        },
        client: {
          type: 'object',
          properties: {
            burgerservicenummer: { type: 'string' },
            geslachtsaanduiding: { enum: ['Man', 'Vrouw', 'Onbekend', 'Leeg'] },
            geboortedatum: { $ref: '#/$defs/datum' },
            postcode: { type: 'string' },
            huisnummer: { type: 'string' },
            huisnummertoevoeging: { type: 'string' },
          },
          oneOf: [
            {
              required: ['burgerservicenummer'],
              properties: { burgerservicenummer: { minLength: 9, maxLength: 9 } },
              additionalProperties: false,
            },
            { not: { required: ['burgerservicenummer'] }, required: ['huisnummer', 'postcode'] },
          ],
          additionalProperties: false,
        },
      },
      required: ['ID', 'client', 'signaalpartner'],
      additionalProperties: false,
    },
    vroegsignaalzaak: {
      type: 'object',
      properties: {
        resultaat: {
          enum: [
            '(Budget)advies en/of quick fix',
            'Definitief geen contact kunnen krijgen',
            'Geen reactie na eerder contact',
            'Inwoner al bekend bij schuldhulpverlening',
            'Inwoner heeft al een ander lopend traject',
            'Inwoner heeft zelf al betaald/betalingsregeling getroffen',
            'Inwoner is overleden',
            'Inwoner regelt het zelf/hoeft geen hulp vanuit vroegsignalering',
            'Niet opgepakt: andere reden',
            'Niet opgepakt: herhaalde melding',
            'Niet opgepakt: onterecht signaal',
            'Persoon is geen inwoner (meer) in de gemeente',
            'Vervolghulp en/of verwijzing',
            'Vervolghulp en/of verwijzing financieel',
            'Vervolghulp en/of verwijzing niet financieel',
            'Verwijzing zonder tussenkomst inwoner',
          ],
        },
        matchingsdatum: { $ref: '#/$defs/datum' },
        startdatumMatchingperiode: { $ref: '#/$defs/datum' },
        datumOpgepakt: { $ref: '#/$defs/datum' },
        einddatumMatchingperiode: { $ref: '#/$defs/datum' },
        vroegsignalen: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: {
            type: 'object',
            properties: { ID: { type: 'string' } },
            required: ['ID'],
            additionalProperties: false,
          },
        },
        contactpogingen: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              soort: {
                enum: [
                  'Administratief',
                  'Afspraak op locatie',
                  'Brief',
                  'Huisbezoek',
                  'Kaartje',
                  'Mail',
                  'Onbekend',
                  'Overige',
                  'SMS/Whatsapp',
                  'Telefoon',
                ],
              },
              bereikt: { type: 'boolean' },
              datum: { $ref: '#/$defs/datum' },
              dagdeel: { enum: ['Ochtend', 'Middag', 'Avond'] },
            },
            additionalProperties: false,
          },
        },
      },
      additionalProperties: false,
    },
  },
};

const GEGEVENS_REQUEST_1_0 = {
  type: 'object',
  properties: {
    aanleverperiodeStartdatum: datum,
    aanleverperiodeEinddatum: datum,
    aanleverende_organisatie: { type: 'string' },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

const PAGINERING_1_0 = {
  type: 'object',
  required: ['pageSize', 'currentPage', 'totalPages', 'totalRecords'],
  properties: {
    pageSize: { type: 'integer', minimum: 1 },
    currentPage: { type: 'integer', minimum: 1 },
    totalPages: { type: 'integer', minimum: 1 },
    totalRecords: { type: 'integer', minimum: 0 },
  },
};

// strictTypes off: the published schema itself puts minLength/maxLength in a `oneOf` branch without a type.
const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
addFormats(ajv);
const oracle = ajv.compile(UITWISSELMODEL_V1_2);
const requestOracle = ajv.compile(GEGEVENS_REQUEST_1_0);
const answerOracle = ajv.compile({
  type: 'object',
  required: ['gegevens'],
  properties: { gegevens: { $ref: UITWISSELMODEL_ID }, paginering: PAGINERING_1_0 },
});

/** Both the oracle and our zod schema accept it, or the test says which one refused and why. */
function expectValidDelivery(gegevens: unknown): void {
  const ours = uitwisselmodelSchema.safeParse(gegevens);
  expect(oracle(gegevens) ? [] : oracle.errors).toEqual([]);
  expect(ours.success ? [] : ours.error.issues).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// The data: a municipality's November 2026

const CONFIG: DdasSupplierConfig = {
  gemeentecode: UTRECHT_GEMEENTECODE,
  codeGegevensleverancier: 'BUURTSIGNAAL-UTRECHT',
  aanleverendeOrganisatie: {
    naam: 'Gemeente Utrecht',
    kvkNummer: '12345678',
    contactpersonen: [
      { naam: 'Functioneel beheer Vroegsignalering', email: 'vroegsignalering@utrecht.example' },
    ],
  },
};
const NOVEMBER = { start: '2026-11-01', end: '2026-11-30' };
const NOW = new Date('2026-12-03T09:15:00+01:00');

const NO_HISTORY: HouseholdFindings = {
  meervoudig: false,
  opeenvolgend: false,
  sameMonthOpenSignalIds: [],
  declinedRecently: false,
};

function debtSignal(
  signalId: string,
  source: string,
  receivedAt: string,
  input: Omit<DebtSignalInput, 'sourceReference'>,
  household: HouseholdFindings = NO_HISTORY,
): Signal {
  const result = debtSignalToSignal(
    { sourceReference: `ref-${signalId}`, ...input },
    {
      signalId,
      source,
      receivedAt: new Date(receivedAt),
      householdKey: 'hh-test',
      household,
      calendar: municipalCalendar,
    },
  );
  if (!result.routed) throw new Error(`${signalId} must route`);
  return result.signal;
}

const attempt = (kind: ContactKind, reached: boolean, at: string): ContactAttempt => ({
  kind,
  reached,
  at,
  recordedAt: at,
  recordedBy: 'dev-bt-sociaal-oost',
});

const WORKER = { id: 'dev-bt-sociaal-oost', role: 'team-member', scope: 'bt-sociaal-oost' };

const withAttempts = (signal: Signal, ...attempts: ContactAttempt[]): Signal => ({
  ...signal,
  contactAttempts: attempts,
});

/** A: rent arrears, BSN known, eviction date (threatening), warm hand-over; picked up and closed. */
function rentWithBsn(): Signal {
  const signal = debtSignal('sig_rent_a', 'bo-ex', '2026-11-02T10:00:00+01:00', {
    kind: 'huurachterstand',
    person: {
      initials: 'J.',
      prefix: 'van',
      surname: 'Dam',
      birthDate: '1980-05-01',
      phone: '0612345678',
      email: 'j.vandam@example.nl',
      bsn: '111222333',
    },
    address: {
      postcode: '3563AB',
      houseNumber: 12,
      houseNumberSuffix: 'bis',
      street: 'Bernadottelaan',
      city: 'Utrecht',
    },
    amount: 1234.5,
    arrearsSince: '2026-08-01',
    evictionDate: '2026-12-15',
    warmHandover: true,
    minorsInHousehold: 0,
  });
  const worked = withAttempts(
    signal,
    attempt('telefoon', false, '2026-11-03T11:59:59+01:00'),
    attempt('brief', false, '2026-11-03T12:00:00+01:00'),
    attempt('huisbezoek', true, '2026-11-04T18:00:00+01:00'),
    // The same conversation, recorded on both signals of the case (see B).
    attempt('sms-whatsapp', true, '2026-11-06T12:00:00+01:00'),
  );
  return close(worked, 'vervolghulp-financieel', WORKER, new Date('2026-11-20T10:00:00+01:00'));
}

/** B: the partner's energy debt, same household, no BSN: joins A's case (M3), closed later. */
function energyOfPartner(): Signal {
  const signal = debtSignal(
    'sig_energy_b',
    'werk-en-inkomen',
    '2026-11-05T14:00:00+01:00',
    {
      kind: 'energieschuld',
      supplier: 'Eneco',
      person: { initials: 'M.', surname: 'Dam-Bakker', birthDate: '1982-03-14', email: 'm@example.nl' },
      address: { postcode: '3563AB', houseNumber: 12, houseNumberSuffix: 'bis', street: 'Bernadottelaan' },
      amount: 412.49,
      arrearsSince: '2026-09-15',
      minorsInHousehold: 0,
    },
    { ...NO_HISTORY, meervoudig: true, openCase: { teamId: 'bt-sociaal-oost', signalId: 'sig_rent_a' } },
  );
  const worked = withAttempts(
    signal,
    attempt('sms-whatsapp', true, '2026-11-06T12:00:00+01:00'),
    attempt('mail', false, '2026-11-09T20:30:00+01:00'),
  );
  return close(worked, 'advies-quick-fix', WORKER, new Date('2026-11-25T16:00:00+01:00'));
}

/** C: end-of-supply signal on the last evening of the period, still waiting. */
function supplyStopOpen(): Signal {
  return debtSignal('sig_supply_c', 'werk-en-inkomen', '2026-11-30T23:30:00+01:00', {
    kind: 'eindelevering',
    supplier: 'Vattenfall',
    person: { initials: 'K.', surname: 'Öztürk', birthDate: '1975-11-30' },
    address: { postcode: '3581AB', houseNumber: 7 },
    amount: 80,
    arrearsSince: '2026-07-01',
    endOfSupplyDate: '2026-12-10',
  });
}

/**
 * D: rent arrears of someone already in debt counselling: closed `al-bekend`, never contacted — as
 * stored before issue 15, whose rule now asks for a contact attempt (e.g. `administratief`) first
 * (closing-rules.ts); such signals are still delivered.
 */
function alreadyKnown(): Signal {
  const signal = debtSignal('sig_rent_d', 'mitros', '2026-11-12T09:00:00+01:00', {
    kind: 'huurachterstand',
    person: { surname: 'Visser', birthDate: '1969-04-04', bsn: '123456782' },
    address: { postcode: '3582CD', houseNumber: 40 },
    amount: 950,
    arrearsSince: '2026-10-01',
  });
  return { ...signal, status: 'closed', outcome: 'al-bekend', closedAt: '2026-11-13T11:00:00+01:00' };
}

/** H: a police care report (never a vroegsignaal), with a contact attempt of its own. */
function careReport(): Signal {
  const report = careReportSchema.parse(sampleCareReports()[0]);
  const result = careReportToSignal(report, {
    signalId: 'sig_care_h',
    source: 'politie-utrecht',
    receivedAt: new Date('2026-11-20T22:15:00+01:00'),
    calendar: municipalCalendar,
  });
  if (!result.routed) throw new Error('the care report must route');
  return withAttempts(result.signal, attempt('telefoon', true, '2026-11-21T10:00:00+01:00'));
}

/** I: rent arrears at the care report's address: joins that case (M3) — the zaak is I alone. */
function rentJoiningCareCase(): Signal {
  return debtSignal(
    'sig_rent_i',
    'portaal',
    '2026-11-23T10:00:00+01:00',
    {
      kind: 'huurachterstand',
      person: { initials: 'A.', surname: 'Jansen', birthDate: '1971-02-03' },
      address: { postcode: '3561AB', houseNumber: 4 },
      amount: 600,
      arrearsSince: '2026-10-01',
    },
    { ...NO_HISTORY, openCase: { teamId: 'bt-sociaal-overvecht', signalId: 'sig_care_h' } },
  );
}

const notRouted = (record: Omit<DdasNotRoutedRecord, 'status'>): DdasNotRoutedRecord => ({
  ...record,
  status: 'not-routed',
});

/** E: below the threshold (I4); F: a repeated signal after an objection (C3); G: no client kept. */
const belowThreshold = notRouted({
  signalId: 'sig_low_e',
  source: 'bo-ex',
  kind: 'huurachterstand',
  receivedAt: '2026-11-02T10:00:00+01:00',
  outcome: 'niet-opgepakt-onterecht',
  amount: 74.5,
  client: { burgerservicenummer: '999999990' },
});
const repeated = notRouted({
  signalId: 'sig_repeat_f',
  source: 'werk-en-inkomen',
  kind: 'energieschuld',
  receivedAt: '2026-11-16T11:00:00+01:00',
  outcome: 'niet-opgepakt-herhaalde-melding',
  amount: 310.75,
  client: { postcode: '3511AA', huisnummer: '3', geboortedatum: '1990-01-01' },
});
const withoutClient = notRouted({
  signalId: 'sig_old_g',
  source: 'bo-ex',
  kind: 'huurachterstand',
  receivedAt: '2026-11-17T08:00:00+01:00',
  outcome: 'niet-opgepakt-onterecht',
  amount: 20,
});

/** Outside November on Amsterdam's calendar (J: 31 October, K: 1 December), though not in UTC. */
const beforePeriod = notRouted({
  ...belowThreshold,
  signalId: 'sig_before_j',
  receivedAt: '2026-10-31T23:30:00+01:00',
});
const afterPeriod = notRouted({
  ...belowThreshold,
  signalId: 'sig_after_k',
  receivedAt: '2026-12-01T00:30:00+01:00',
});

function november(): DdasRecord[] {
  return [
    supplyStopOpen(),
    careReport(),
    repeated,
    energyOfPartner(),
    afterPeriod,
    rentJoiningCareCase(),
    alreadyKnown(),
    withoutClient,
    rentWithBsn(),
    beforePeriod,
    belowThreshold,
  ];
}

const deliver = (records: readonly DdasRecord[]) =>
  buildDdasDelivery({ period: NOVEMBER, records, config: CONFIG, now: NOW });

const levering = (records: readonly DdasRecord[]) => deliver(records).gegevens.leveringen[0];

// ---------------------------------------------------------------------------------------------

describe('X2 the delivery of November 2026, item by item', () => {
  it('states every vroegsignaal, zaak and contactpoging, and passes the v1.2 oracle and our schema', () => {
    const records = november();

    const delivery = deliver(records);

    expect(delivery.gegevens).toEqual({
      startdatumLevering: '2026-11-01',
      einddatumLevering: '2026-11-30',
      aanleverdatumEnTijd: '2026-12-03T08:15:00Z',
      codeGegevensleverancier: 'BUURTSIGNAAL-UTRECHT',
      leveringen: [
        {
          teller: 1,
          gemeentecode: '0344',
          aanleverendeOrganisatie: {
            naam: 'Gemeente Utrecht',
            'kvk-nummer': '12345678',
            contactpersonen: [
              { naam: 'Functioneel beheer Vroegsignalering', email: 'vroegsignalering@utrecht.example' },
            ],
          },
          vroegsignalen: [
            {
              ID: 'sig_low_e',
              bedrag: 75,
              signaaldatum: '2026-11-02',
              status: 'Niet opgepakt: onterecht signaal',
              signaalpartner: { type: 'Huur' },
              client: { burgerservicenummer: '999999990' },
            },
            {
              ID: 'sig_rent_a',
              crisissignaal: true,
              warmeOverdracht: true,
              bedrag: 1235,
              ontstaansdatum: '2026-08-01',
              signaaldatum: '2026-11-02',
              status: 'Opgepakt',
              signaalpartner: { type: 'Huur' },
              client: { burgerservicenummer: '111222333' },
            },
            {
              ID: 'sig_energy_b',
              crisissignaal: false,
              warmeOverdracht: false,
              bedrag: 412,
              ontstaansdatum: '2026-09-15',
              signaaldatum: '2026-11-05',
              status: 'Opgepakt',
              signaalpartner: { type: 'Energie' },
              client: {
                postcode: '3563AB',
                huisnummer: '12',
                huisnummertoevoeging: 'bis',
                geboortedatum: '1982-03-14',
              },
            },
            {
              ID: 'sig_rent_d',
              crisissignaal: false,
              warmeOverdracht: false,
              bedrag: 950,
              ontstaansdatum: '2026-10-01',
              signaaldatum: '2026-11-12',
              status: 'Inwoner al bekend bij schuldhulpverlening',
              signaalpartner: { type: 'Huur' },
              client: { burgerservicenummer: '123456782' },
            },
            {
              ID: 'sig_repeat_f',
              bedrag: 311,
              signaaldatum: '2026-11-16',
              status: 'Niet opgepakt: herhaalde melding',
              signaalpartner: { type: 'Energie' },
              client: { postcode: '3511AA', huisnummer: '3', geboortedatum: '1990-01-01' },
            },
            {
              ID: 'sig_rent_i',
              crisissignaal: false,
              warmeOverdracht: false,
              bedrag: 600,
              ontstaansdatum: '2026-10-01',
              signaaldatum: '2026-11-23',
              status: 'Nog niet opgepakt',
              signaalpartner: { type: 'Huur' },
              client: { postcode: '3561AB', huisnummer: '4', geboortedatum: '1971-02-03' },
            },
            {
              ID: 'sig_supply_c',
              crisissignaal: true,
              warmeOverdracht: false,
              bedrag: 80,
              ontstaansdatum: '2026-07-01',
              signaaldatum: '2026-11-30',
              status: 'Nog niet opgepakt',
              signaalpartner: { type: 'Energie' },
              client: { postcode: '3581AB', huisnummer: '7', geboortedatum: '1975-11-30' },
            },
          ],
          vroegsignaalzaken: [
            {
              resultaat: '(Budget)advies en/of quick fix',
              matchingsdatum: '2026-11-02',
              datumOpgepakt: '2026-11-03',
              vroegsignalen: [{ ID: 'sig_rent_a' }, { ID: 'sig_energy_b' }],
              contactpogingen: [
                { soort: 'Telefoon', bereikt: false, datum: '2026-11-03', dagdeel: 'Ochtend' },
                { soort: 'Brief', bereikt: false, datum: '2026-11-03', dagdeel: 'Middag' },
                { soort: 'Huisbezoek', bereikt: true, datum: '2026-11-04', dagdeel: 'Avond' },
                { soort: 'SMS/Whatsapp', bereikt: true, datum: '2026-11-06', dagdeel: 'Middag' },
                { soort: 'Mail', bereikt: false, datum: '2026-11-09', dagdeel: 'Avond' },
              ],
            },
            {
              resultaat: 'Inwoner al bekend bij schuldhulpverlening',
              matchingsdatum: '2026-11-12',
              vroegsignalen: [{ ID: 'sig_rent_d' }],
              contactpogingen: [],
            },
            { matchingsdatum: '2026-11-23', vroegsignalen: [{ ID: 'sig_rent_i' }], contactpogingen: [] },
            { matchingsdatum: '2026-11-30', vroegsignalen: [{ ID: 'sig_supply_c' }], contactpogingen: [] },
          ],
        },
      ],
    });
    expect(delivery.leftOut).toEqual([{ signalId: 'sig_old_g', reason: 'geen-client' }]);
    expectValidDelivery(delivery.gegevens);
  });

  it('counts: 7 vroegsignalen (3 kinds of partner item, not-routed included), 4 zaken, 5 contactpogingen', () => {
    const delivered = levering(november());

    expect(delivered.vroegsignalen).toHaveLength(7);
    expect(delivered.vroegsignaalzaken).toHaveLength(4);
    expect(delivered.vroegsignaalzaken.flatMap((zaak) => zaak.contactpogingen)).toHaveLength(5);
  });

  it('the answer with paginering passes the DDAS-VS answer oracle and our answer schema', () => {
    const answer = {
      gegevens: deliver(november()).gegevens,
      paginering: { pageSize: 25_000, currentPage: 1, totalPages: 1, totalRecords: 7 },
    };

    expect(answerOracle(answer) ? [] : answerOracle.errors).toEqual([]);
    expect(gegevensResponseSchema.safeParse(answer).success).toBe(true);
  });

  it('the same records in another order give the same bytes (stable order for paging)', () => {
    const records = november();

    const forward = JSON.stringify(deliver(records).gegevens);
    const backward = JSON.stringify(deliver([...records].reverse()).gegevens);

    expect(backward).toBe(forward);
  });
});

describe('X2 client: the BSN alone when known, else address and birth date; never a name', () => {
  it('with a BSN: only burgerservicenummer, no address, no birth date', () => {
    const signal = rentWithBsn();

    const client = ddasClientOf(signal.person, signal.address);

    expect(client).toEqual({ burgerservicenummer: '111222333' });
  });

  it('without a BSN: postcode, house number as text, suffix and birth date', () => {
    const signal = energyOfPartner();

    const client = ddasClientOf(signal.person, signal.address);

    expect(client).toEqual({
      postcode: '3563AB',
      huisnummer: '12',
      huisnummertoevoeging: 'bis',
      geboortedatum: '1982-03-14',
    });
  });

  it('without a suffix (or a blank one) there is no huisnummertoevoeging at all', () => {
    const person = { birthDate: '1975-11-30' };

    const none = ddasClientOf(person, { postcode: '3581AB', houseNumber: 7 });
    const blank = ddasClientOf(person, { postcode: '3581AB', houseNumber: 7, houseNumberSuffix: '  ' });

    expect(none).toEqual({ postcode: '3581AB', huisnummer: '7', geboortedatum: '1975-11-30' });
    expect(blank).toEqual(none);
  });

  it('neither a BSN nor an address: no client (v1.2 requires one of them)', () => {
    expect(ddasClientOf({ birthDate: '1975-11-30' }, undefined)).toBeUndefined();
  });

  it('no name, street, city, phone or e-mail of anyone appears anywhere in the delivery', () => {
    const records = november();

    const { vroegsignalen, vroegsignaalzaken } = levering(records);
    const json = JSON.stringify({ vroegsignalen, vroegsignaalzaken });

    const personal = records.flatMap((record) =>
      'person' in record
        ? [
            record.person.surname,
            record.person.initials,
            record.person.phone,
            record.person.email,
            record.address.street,
            record.address.city,
          ]
        : [],
    );
    for (const value of personal.filter((value): value is string => Boolean(value)))
      expect(json).not.toContain(value);
  });
});

describe('X2 bedrag: whole euros, rounded half up', () => {
  it.each([
    [412.5, 413],
    [412.49, 412],
    [412.51, 413],
    [1234.5, 1235],
    [74.5, 75],
    [80, 80],
    [0.5, 1],
    [0.49, 0],
    [1_000_000, 1_000_000],
  ])('€ %d → %d', (amount, expected) => {
    expect(ddasBedrag(amount)).toBe(expected);
  });
});

describe('X2 not-routed records: a vroegsignaal with its status, never in a zaak', () => {
  it.each([
    ['niet-opgepakt-onterecht', 'Niet opgepakt: onterecht signaal'],
    ['niet-opgepakt-herhaalde-melding', 'Niet opgepakt: herhaalde melding'],
    ['geen-inwoner', 'Persoon is geen inwoner (meer) in de gemeente'],
    ['niet-opgepakt-andere-reden', 'Niet opgepakt: andere reden'],
    // Not a not-routed outcome of ours: never guessed into a result.
    ['vervolghulp', 'Niet opgepakt: andere reden'],
  ])('%s → %s', (outcome, status) => {
    const record = notRouted({ ...repeated, signalId: `sig_${outcome}`, outcome });

    const delivered = levering([record]);

    expect(delivered.vroegsignalen.map((signal) => signal.status)).toEqual([status]);
    expect(delivered.vroegsignaalzaken).toEqual([]);
  });

  it('a not-routed record stored without a client is left out and named in leftOut (by id only)', () => {
    const delivery = deliver([withoutClient, belowThreshold]);

    expect(delivery.gegevens.leveringen[0].vroegsignalen.map((signal) => signal.ID)).toEqual(['sig_low_e']);
    expect(delivery.leftOut).toEqual([{ signalId: 'sig_old_g', reason: 'geen-client' }]);
  });

  it('a not-routed end-of-supply signal is a crisissignaal by its kind', () => {
    const record = notRouted({ ...repeated, signalId: 'sig_eind', kind: 'eindelevering' });

    const [signal] = levering([record]).vroegsignalen;

    expect(signal?.crisissignaal).toBe(true);
    expect(signal?.signaalpartner).toEqual({ type: 'Energie' });
  });
});

describe('X2/M3 a household case is one zaak', () => {
  it('two signals from two partners in one household: one zaak with both, attempts merged, one result', () => {
    const delivered = levering([energyOfPartner(), rentWithBsn()]);

    expect(delivered.vroegsignaalzaken).toHaveLength(1);
    expect(delivered.vroegsignaalzaken[0]?.vroegsignalen).toEqual([
      { ID: 'sig_rent_a' },
      { ID: 'sig_energy_b' },
    ]);
    expect(delivered.vroegsignaalzaken[0]?.resultaat).toBe('(Budget)advies en/of quick fix');
  });

  it('an attempt recorded on both signals of the case is one contactpoging', () => {
    const [zaak] = levering([rentWithBsn(), energyOfPartner()]).vroegsignaalzaken;

    const sms = zaak?.contactpogingen.filter((poging) => poging.soort === 'SMS/Whatsapp');

    expect(sms).toEqual([{ soort: 'SMS/Whatsapp', bereikt: true, datum: '2026-11-06', dagdeel: 'Middag' }]);
  });

  it("a partner's signal joining a case already picked up is Opgepakt with it; the zaak has no result while one is open", () => {
    const open = { ...energyOfPartner(), status: 'open' as const, outcome: undefined, closedAt: undefined };
    const joined = withAttempts(open);

    const delivered = levering([rentWithBsn(), joined]);

    expect(delivered.vroegsignalen.map((signal) => [signal.ID, signal.status])).toEqual([
      ['sig_rent_a', 'Opgepakt'],
      ['sig_energy_b', 'Opgepakt'],
    ]);
    expect(delivered.vroegsignaalzaken[0]).not.toHaveProperty('resultaat');
    expect(delivered.vroegsignaalzaken[0]?.datumOpgepakt).toBe('2026-11-03');
  });

  it('a chain of joins (C joined B, B joined A) is still one zaak', () => {
    const third = debtSignal(
      'sig_third',
      'mitros',
      '2026-11-10T09:00:00+01:00',
      {
        kind: 'huurachterstand',
        person: { surname: 'Dam', birthDate: '2001-01-01' },
        address: { postcode: '3563AB', houseNumber: 12, houseNumberSuffix: 'bis' },
        amount: 300,
        arrearsSince: '2026-10-01',
      },
      { ...NO_HISTORY, openCase: { teamId: 'bt-sociaal-oost', signalId: 'sig_energy_b' } },
    );

    const delivered = levering([third, energyOfPartner(), rentWithBsn()]);

    expect(delivered.vroegsignaalzaken.map((zaak) => zaak.vroegsignalen)).toEqual([
      [{ ID: 'sig_rent_a' }, { ID: 'sig_energy_b' }, { ID: 'sig_third' }],
    ]);
  });
});

describe('X2/D3 contactpogingen: every kind in its DDAS name, dagdeel on Amsterdam time', () => {
  it.each([
    ['telefoon', '2026-11-24T07:00:00Z', 'Telefoon', '2026-11-24', 'Ochtend'],
    ['huisbezoek', '2026-11-24T11:00:00Z', 'Huisbezoek', '2026-11-24', 'Middag'],
    ['brief', '2026-11-24T16:59:59Z', 'Brief', '2026-11-24', 'Middag'],
    ['mail', '2026-11-24T17:00:00Z', 'Mail', '2026-11-24', 'Avond'],
    ['sms-whatsapp', '2026-11-24T22:59:59Z', 'SMS/Whatsapp', '2026-11-24', 'Avond'],
    // 23:30 UTC is 00:30 the next day in Amsterdam: the next date, in the morning.
    ['kaartje', '2026-11-24T23:30:00Z', 'Kaartje', '2026-11-25', 'Ochtend'],
    ['afspraak-op-locatie', '2026-11-26T09:00:00+01:00', 'Afspraak op locatie', '2026-11-26', 'Ochtend'],
    ['administratief', '2026-11-26T13:00:00+01:00', 'Administratief', '2026-11-26', 'Middag'],
    ['overige', '2026-11-26T19:00:00+01:00', 'Overige', '2026-11-26', 'Avond'],
    ['onbekend', '2026-11-27T10:00:00+01:00', 'Onbekend', '2026-11-27', 'Ochtend'],
  ] as const)('%s at %s → %s on %s, %s', (kind, at, soort, datum, dagdeel) => {
    const signal = {
      ...withAttempts(supplyStopOpen(), { ...attempt(kind, false, at), recordedAt: '2026-11-30T09:00:00Z' }),
      receivedAt: '2026-11-23T09:00:00+01:00',
    };

    const [zaak] = levering([signal]).vroegsignaalzaken;

    expect(zaak?.contactpogingen).toEqual([{ soort, bereikt: false, datum, dagdeel }]);
  });

  it('a kind stored before DDAS v1.2 (`sms`, `overig`) is delivered in its current DDAS name', () => {
    const legacy = (kind: string, at: string) =>
      ({ ...attempt('telefoon', false, at), kind }) as ContactAttempt;
    const signal = withAttempts(
      supplyStopOpen(),
      legacy('sms', '2026-11-24T09:00:00+01:00'),
      legacy('overig', '2026-11-24T10:00:00+01:00'),
    );

    const [zaak] = levering([{ ...signal, receivedAt: '2026-11-23T09:00:00+01:00' }]).vroegsignaalzaken;

    expect(zaak?.contactpogingen.map((poging) => poging.soort)).toEqual(['SMS/Whatsapp', 'Overige']);
  });
});

describe('issue 17 build 5: a held appointment is a DDAS contactpoging', () => {
  it('of kind "Afspraak op locatie", reached, on its day and dagdeel; a planned or missed one is none', () => {
    const open = { ...supplyStopOpen(), receivedAt: '2026-11-23T09:00:00+01:00' };
    const planned = planAppointment(
      open,
      { startsAt: new Date('2026-11-26T14:30:00+01:00'), place: 'buurtteam', opVerzoekInwoner: false },
      WORKER.id,
      new Date('2026-11-24T09:00:00+01:00'),
      'afs_1',
    );
    const missedToo = planAppointment(
      recordAppointmentOutcome(
        planned,
        'afs_1',
        'niet-verschenen',
        WORKER.id,
        new Date('2026-11-26T15:00:00+01:00'),
      ),
      { startsAt: new Date('2026-11-27T10:00:00+01:00'), place: 'thuis', opVerzoekInwoner: false },
      WORKER.id,
      new Date('2026-11-26T15:05:00+01:00'),
      'afs_2',
    );

    const held = recordAppointmentOutcome(
      missedToo,
      'afs_2',
      'gehouden',
      WORKER.id,
      new Date('2026-11-27T11:00:00+01:00'),
    );

    expect(levering([planned]).vroegsignaalzaken[0]?.contactpogingen).toEqual([]);
    expect(levering([held]).vroegsignaalzaken[0]?.contactpogingen).toEqual([
      { soort: 'Afspraak op locatie', bereikt: true, datum: '2026-11-27', dagdeel: 'Ochtend' },
    ]);
  });
});

describe('X1 care reports are never delivered', () => {
  it('no vroegsignaal, no zaak, no ID, no summary and none of its contact attempts', () => {
    const care = careReport();
    const joining = rentJoiningCareCase();

    const delivered = levering([care, joining]);
    const json = JSON.stringify(delivered);

    expect(delivered.vroegsignalen.map((signal) => signal.ID)).toEqual(['sig_rent_i']);
    expect(delivered.vroegsignaalzaken).toEqual([
      { matchingsdatum: '2026-11-23', vroegsignalen: [{ ID: 'sig_rent_i' }], contactpogingen: [] },
    ]);
    expect(json).not.toContain('sig_care_h');
    expect(json).not.toContain(care.summary as string);
    expect(json).not.toContain('Telefoon');
    expect(delivered.vroegsignalen[0]?.status).toBe('Nog niet opgepakt');
  });
});

describe('X2 the period is on Amsterdam calendar dates', () => {
  it('23:30 on 31 October and 00:30 on 1 December (Amsterdam) are outside November; 23:30 on 30 November inside', () => {
    const inside = notRouted({
      ...belowThreshold,
      signalId: 'sig_inside',
      receivedAt: '2026-11-30T23:30:00+01:00',
    });

    const delivered = levering([beforePeriod, afterPeriod, inside]);

    expect(delivered.vroegsignalen.map((signal) => [signal.ID, signal.signaaldatum])).toEqual([
      ['sig_inside', '2026-11-30'],
    ]);
  });

  it('a period that ends before it starts is a programming error (the handler answers 422 first)', () => {
    expect(() =>
      buildDdasDelivery({
        period: { start: '2026-12-01', end: '2026-11-30' },
        records: [],
        config: CONFIG,
        now: NOW,
      }),
    ).toThrow(RangeError);
  });

  it('an empty period is a valid delivery with empty lists', () => {
    const delivery = deliver([]);

    expect(delivery.gegevens.leveringen[0].vroegsignalen).toEqual([]);
    expectValidDelivery(delivery.gegevens);
  });
});

describe('the oracle and our zod schema agree on what v1.2 refuses', () => {
  type Node = Record<string | number, unknown>;
  /** The object at a path in a copy of the November delivery, to spoil it in one place. */
  const at = (root: unknown, path: readonly (string | number)[]): Node =>
    path.reduce<unknown>((value, key) => (value as Node)[key], root) as Node;
  const SIGNALS = ['leveringen', 0, 'vroegsignalen'];
  const ZAKEN = ['leveringen', 0, 'vroegsignaalzaken'];

  it.each<[string, (string | number)[], (node: Node) => void]>([
    [
      'a client with a BSN and an address',
      [...SIGNALS, 1, 'client'],
      (n) => {
        n.postcode = '3563AB';
      },
    ],
    [
      'a BSN of eight characters',
      [...SIGNALS, 1, 'client'],
      (n) => {
        n.burgerservicenummer = '11122233';
      },
    ],
    [
      'a client without BSN and without postcode',
      [...SIGNALS, 2],
      (n) => {
        n.client = { huisnummer: '12' };
      },
    ],
    [
      'a name in the client',
      [...SIGNALS, 2, 'client'],
      (n) => {
        n.achternaam = 'Dam';
      },
    ],
    [
      'a bedrag in cents',
      [...SIGNALS, 1],
      (n) => {
        n.bedrag = 1234.5;
      },
    ],
    [
      'a status outside EnumSignaalstatus',
      [...SIGNALS, 1],
      (n) => {
        n.status = 'Afgerond';
      },
    ],
    [
      'a signaalpartner type outside EnumSignaalpartner',
      [...SIGNALS, 1, 'signaalpartner'],
      (n) => {
        n.type = 'Politie';
      },
    ],
    [
      'a resultaat outside EnumEindresultaat',
      [...ZAKEN, 0],
      (n) => {
        n.resultaat = 'vervolghulp-financieel';
      },
    ],
    [
      'a dagdeel in lower case',
      [...ZAKEN, 0, 'contactpogingen', 0],
      (n) => {
        n.dagdeel = 'ochtend';
      },
    ],
    [
      'a contactsoort outside EnumContactsoort',
      [...ZAKEN, 0, 'contactpogingen', 0],
      (n) => {
        n.soort = 'Fax';
      },
    ],
    [
      'the v1.0 example spelling aanleverende_organisatie',
      ['leveringen', 0],
      (n) => {
        n.aanleverende_organisatie = n.aanleverendeOrganisatie;
        delete n.aanleverendeOrganisatie;
      },
    ],
    [
      'a zaak naming the same signal twice',
      [...ZAKEN, 1],
      (n) => {
        (n.vroegsignalen as unknown[]).push({ ID: 'sig_rent_d' });
      },
    ],
    [
      'a date that does not exist',
      [...SIGNALS, 1],
      (n) => {
        n.signaaldatum = '2026-11-31';
      },
    ],
    [
      'no codeGegevensleverancier',
      [],
      (n) => {
        delete n.codeGegevensleverancier;
      },
    ],
  ])('%s', (_name, path, spoil) => {
    const gegevens = structuredClone(deliver(november()).gegevens);
    expectValidDelivery(gegevens);

    spoil(at(gegevens, path));

    expect(oracle(gegevens)).toBe(false);
    expect(uitwisselmodelSchema.safeParse(gegevens).success).toBe(false);
  });
});

describe('DDAS-VS GegevensRequest: no other fields, Dutch messages', () => {
  it.each([
    [{}, true],
    [
      {
        aanleverperiodeStartdatum: '2026-11-01',
        aanleverperiodeEinddatum: '2026-11-30',
        page: 1,
        pageSize: 25000,
      },
      true,
    ],
    [{ aanleverende_organisatie: 'Gemeente Utrecht' }, true],
    [{ pageSize: 60_000 }, true],
    [{ gemeente: '0344' }, false],
    [{ page: 0 }, false],
    [{ pageSize: 2.5 }, false],
    [{ page: '1' }, false],
    [{ aanleverperiodeStartdatum: '01-11-2026' }, false],
    [{ aanleverperiodeEinddatum: '2026-02-30' }, false],
    [[], false],
  ])('%j → valid %s (oracle and zod agree)', (body, ok) => {
    expect(requestOracle(body)).toBe(ok);
    expect(gegevensRequestSchema.safeParse(body).success).toBe(ok);
  });

  it('an unknown field is named, in Dutch, with the fields that are allowed', () => {
    const result = gegevensRequestSchema.safeParse({ page: 1, gemeente: '0344' });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Onbekend veld in het verzoek: gemeente. Toegestaan zijn aanleverperiodeStartdatum, aanleverperiodeEinddatum, aanleverende_organisatie, page en pageSize.',
    ]);
  });

  it('a page below 1 and a date that does not exist get Dutch messages on their field', () => {
    const result = gegevensRequestSchema.safeParse({ page: 0, aanleverperiodeStartdatum: '2026-02-30' });

    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['aanleverperiodeStartdatum', 'Ongeldige datum: gebruik JJJJ-MM-DD met een bestaande datum.'],
      ['page', 'page moet een geheel getal van 1 of meer zijn.'],
    ]);
  });
});
