import { describe, expect, it } from 'vitest';
import reference from '../../config/outcome-codes.json' with { type: 'json' };
import { careReportSchema } from '../../shared/api/care-report-schemas.ts';
import { careReportToSignal } from '../../shared/domain/care-report.ts';
import { currentContactKind, withCurrentContactKinds } from '../../shared/domain/contact-attempts.ts';
import { DAGDELEN, dagdeelOf } from '../../shared/domain/dagdeel.ts';
import { ddasContactsoort, ddasDagdeel, ddasEindresultaat } from '../../shared/domain/ddas-vocabulary.ts';
import { partnerFeedback } from '../../shared/domain/feedback.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import { OUTCOME, OUTCOME_CODES, outcomeCode } from '../../shared/domain/outcomes.ts';
import { CONTACT_KINDS, type ContactAttempt, type Signal, toDetail } from '../../shared/domain/signal.ts';
import { sampleCareReports } from '../support/samples.ts';

// The independent oracle: the enumerations as published in VNG-Realisatie/ddas-vroegsignalering,
// v1.2/json_schema_Uitwisselmodel.json ($defs), copied by hand — not read from our config.
const ENUM_CONTACTSOORT = [
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
];
const ENUM_DAGDEEL = ['Ochtend', 'Middag', 'Avond'];
const ENUM_EINDRESULTAAT = [
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
];
/** Our own codes (C2): never a vroegsignaal outcome. */
const OWN_CODES = ['niet-opgepakt-geen-toestemming', 'doorgezet-veilig-thuis'];

describe('X2/D3 contact kinds map one-to-one onto DDAS v1.2 EnumContactsoort', () => {
  it('every one of the ten contact kinds maps to a distinct published value, and all ten are covered', () => {
    const mapped = CONTACT_KINDS.map(ddasContactsoort);

    expect(CONTACT_KINDS).toHaveLength(10);
    for (const value of mapped) expect(ENUM_CONTACTSOORT).toContain(value);
    expect(new Set(mapped).size).toBe(CONTACT_KINDS.length);
    expect([...mapped].sort()).toEqual([...ENUM_CONTACTSOORT].sort());
  });

  it('D3: the domain list is in step with config contactKinds (same codes, same order)', () => {
    expect(reference.contactKinds.map((kind) => kind.code)).toEqual([...CONTACT_KINDS]);
  });

  it('D3: the kinds are the ones DESIGN names', () => {
    expect([...CONTACT_KINDS]).toEqual([
      'telefoon',
      'huisbezoek',
      'brief',
      'mail',
      'sms-whatsapp',
      'kaartje',
      'afspraak-op-locatie',
      'administratief',
      'overige',
      'onbekend',
    ]);
  });
});

describe('X2/O1 outcome codes map onto DDAS v1.2 EnumEindresultaat', () => {
  it('every code with a ddas value maps into the published enumeration, and all 16 values are covered', () => {
    const delivered = OUTCOME_CODES.filter((outcome) => !OWN_CODES.includes(outcome.code));
    const mapped = delivered.map((outcome) => ddasEindresultaat(outcome.code));

    for (const value of mapped) expect(ENUM_EINDRESULTAAT).toContain(value);
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...(mapped as string[])].sort()).toEqual([...ENUM_EINDRESULTAAT].sort());
  });

  it('our own codes (C2) map to null: they never reach a vroegsignaal', () => {
    expect(OWN_CODES).toEqual([OUTCOME.notRoutedNoConsent, OUTCOME.forwardedToVeiligThuis]);
    for (const code of OWN_CODES) {
      expect(ddasEindresultaat(code)).toBeNull();
      expect(outcomeCode(code)?.ddas).toBeNull();
    }
    expect(OUTCOME_CODES.filter((outcome) => outcome.ddas === null).map((outcome) => outcome.code)).toEqual(
      OWN_CODES,
    );
  });

  it('O1: vervolghulp is a closing code, "Vervolghulp en/of verwijzing", partner feedback afgerond (C4)', () => {
    expect(outcomeCode('vervolghulp')).toEqual({
      code: 'vervolghulp',
      label: 'Vervolghulp en/of verwijzing',
      partner: 'afgerond',
      ddas: 'Vervolghulp en/of verwijzing',
    });
    expect(partnerFeedback('vervolghulp', undefined)).toBe('afgerond');
  });

  it('an unknown outcome code is a programming error, not a silent null', () => {
    expect(() => ddasEindresultaat('opgelost')).toThrow(RangeError);
  });
});

describe('X2/D3 dagdeel maps onto DDAS v1.2 EnumDagdeel', () => {
  it('ochtend, middag, avond → Ochtend, Middag, Avond', () => {
    expect(DAGDELEN.map(ddasDagdeel)).toEqual(ENUM_DAGDEEL);
  });
});

describe('D3 dagdeel of a contact attempt, on the wall clock of Amsterdam', () => {
  // `at` in UTC: a dagdeel read from UTC (or the machine's zone) lands in the wrong part of the day.
  it.each([
    // Winter time (CET, UTC+1): Thursday 15 January 2026.
    ['winter 00:00', '2026-01-14T23:00:00Z', 'ochtend'],
    ['winter 11:59:59', '2026-01-15T10:59:59Z', 'ochtend'],
    ['winter 12:00', '2026-01-15T11:00:00Z', 'middag'],
    ['winter 17:59', '2026-01-15T16:59:00Z', 'middag'],
    ['winter 17:59:59', '2026-01-15T16:59:59Z', 'middag'],
    ['winter 18:00', '2026-01-15T17:00:00Z', 'avond'],
    ['winter 23:59:59', '2026-01-15T22:59:59Z', 'avond'],
    // Summer time (CEST, UTC+2): Wednesday 15 July 2026.
    ['summer 00:00', '2026-07-14T22:00:00Z', 'ochtend'],
    ['summer 11:59:59', '2026-07-15T09:59:59Z', 'ochtend'],
    ['summer 12:00', '2026-07-15T10:00:00Z', 'middag'],
    ['summer 17:59', '2026-07-15T15:59:00Z', 'middag'],
    ['summer 18:00', '2026-07-15T16:00:00Z', 'avond'],
    ['summer 23:59:59', '2026-07-15T21:59:59Z', 'avond'],
    // The days the clocks change (29 March and 25 October 2026, at 01:00 UTC).
    ['spring-forward day 12:00 (CEST)', '2026-03-29T10:00:00Z', 'middag'],
    ['spring-forward day 11:59:59 (CEST)', '2026-03-29T09:59:59Z', 'ochtend'],
    ['fall-back day 12:00 (CET)', '2026-10-25T11:00:00Z', 'middag'],
    ['fall-back day 11:59:59 (CET)', '2026-10-25T10:59:59Z', 'ochtend'],
    ['fall-back day 18:00 (CET)', '2026-10-25T17:00:00Z', 'avond'],
  ])('%s (%s) → %s', (_name, at, expected) => {
    expect(dagdeelOf(new Date(at))).toBe(expected);
  });

  it('the detail of a signal gives each attempt its dagdeel, also for attempts stored without one', () => {
    const report = careReportSchema.parse(sampleCareReports()[0]);
    const result = careReportToSignal(report, {
      signalId: 'sig_dagdeel',
      source: 'politie-utrecht',
      receivedAt: new Date('2026-11-23T10:00:00+01:00'),
      calendar: municipalCalendar,
    });
    if (!result.routed) throw new Error('sample must route');
    const attempt = (at: string): ContactAttempt => ({
      kind: 'telefoon',
      reached: false,
      at,
      recordedAt: '2026-11-25T20:00:00+01:00',
      recordedBy: 'w',
    });
    const signal: Signal = {
      ...result.signal,
      contactAttempts: [
        attempt('2026-11-24T09:30:00+01:00'),
        attempt('2026-11-24T12:00:00+01:00'),
        attempt('2026-11-25T18:00:00+01:00'),
      ],
    };

    const detail = toDetail(signal, new Date('2026-11-25T20:00:00+01:00'));

    expect(detail.contactAttempts.map((recorded) => recorded.dagdeel)).toEqual([
      'ochtend',
      'middag',
      'avond',
    ]);
  });
});

describe('D3 contact kinds stored before DDAS v1.2 read as their current names', () => {
  it.each([
    ['sms', 'sms-whatsapp'],
    ['overig', 'overige'],
    ['telefoon', 'telefoon'],
    ['sms-whatsapp', 'sms-whatsapp'],
    ['overige', 'overige'],
    ['fax', 'onbekend'],
  ])('%s → %s', (stored, current) => {
    expect(currentContactKind(stored)).toBe(current);
  });

  it('a stored signal gets its attempts mapped; one already current is returned as it is', () => {
    const old = {
      signalId: 'sig_old',
      contactAttempts: [
        { kind: 'sms', reached: false, at: '2026-11-24T09:00:00+01:00' },
        { kind: 'overig', reached: true, at: '2026-11-24T13:00:00+01:00' },
        { kind: 'telefoon', reached: true, at: '2026-11-24T19:00:00+01:00' },
      ],
    };
    const current = { signalId: 'sig_new', contactAttempts: [{ kind: 'huisbezoek', reached: true }] };
    const notRouted: { signalId: string; contactAttempts?: { kind: string }[] } = {
      signalId: 'sig_not_routed',
    };

    expect(withCurrentContactKinds(old).contactAttempts.map((attempt) => attempt.kind)).toEqual([
      'sms-whatsapp',
      'overige',
      'telefoon',
    ]);
    expect(withCurrentContactKinds(old).contactAttempts[1]).toEqual({
      kind: 'overige',
      reached: true,
      at: '2026-11-24T13:00:00+01:00',
    });
    expect(withCurrentContactKinds(current)).toBe(current);
    expect(withCurrentContactKinds(notRouted)).toBe(notRouted);
  });
});
