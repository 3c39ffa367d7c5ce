import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClientOf } from '../../shared/adapters/aws-clients.ts';
import { DELIVERY_AUDIT_PK } from '../../shared/adapters/dynamodb-delivery-audit.ts';
import { dynamoSignalRepository } from '../../shared/adapters/dynamodb-signal-repository.ts';
import { DDAS_RECORDS_PER_ANSWER } from '../../shared/application/ddas-gegevens.ts';
import { debtSignalToSignal } from '../../shared/domain/debt-signal.ts';
import { newSignalId } from '../../shared/domain/ids.ts';
import { municipalCalendar } from '../../shared/domain/municipal-calendar.ts';
import type { Signal } from '../../shared/domain/signal.ts';
import { startTestRuntime, type TestRuntime } from './support/test-runtime.ts';

// Issue 14 build 3 over HTTP: a page whose answer would pass Lambda's 6 MB — here October's 5,000
// cases, each closed after fourteen contact attempts, far more than teams make — is refused with a
// problem (422 `pagina-te-groot`) that names a page size that fits, and is not on record as
// delivered; asked again with that size, every page is answered and every signal delivered once.
let t: TestRuntime;
const OCTOBER = { aanleverperiodeStartdatum: '2026-10-01', aanleverperiodeEinddatum: '2026-10-31' };
const NO_HISTORY = {
  meervoudig: false,
  opeenvolgend: false,
  sameMonthOpenSignalIds: [],
  declinedRecently: false,
};

function heavyCase(index: number): Signal {
  const receivedAt = new Date(Date.UTC(2026, 9, 1 + (index % 31), 8, index % 60));
  const result = debtSignalToSignal(
    {
      sourceReference: `zwaar-${index}`,
      kind: 'huurachterstand',
      person: { surname: 'Zwaar', birthDate: '1970-01-01' },
      address: { postcode: '3561AB', houseNumber: 1 + index, houseNumberSuffix: 'bis' },
      amount: 2_500,
      arrearsSince: '2026-07-01',
      minorsInHousehold: 0,
    },
    {
      signalId: newSignalId(),
      source: 'bo-ex',
      receivedAt,
      householdKey: `hh-zwaar-${index}`,
      household: NO_HISTORY,
      calendar: municipalCalendar,
    },
  );
  if (!result.routed) throw new Error('the generated signal must route');
  const contactAttempts = Array.from({ length: 14 }, (_, n) => {
    const at = new Date(receivedAt.getTime() + (n + 1) * 3_600_000).toISOString();
    return { kind: 'afspraak-op-locatie' as const, reached: false, at, recordedAt: at, recordedBy: 'dev-bt' };
  });
  return {
    ...result.signal,
    contactAttempts,
    status: 'closed',
    outcome: 'inwoner-hoeft-geen-hulp',
    closedAt: '2026-10-31T15:00:00.000Z',
  };
}

async function cbs(body: unknown) {
  const response = await fetch(`${t.runtime.url}/ddas/v1/gegevens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer dev-cbs' },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}

async function deliveriesOnRecord(): Promise<number> {
  const { Items = [] } = await documentClientOf(t.runtime.dynamodb).send(
    new QueryCommand({
      TableName: t.runtime.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': DELIVERY_AUDIT_PK },
    }),
  );
  return Items.length;
}

beforeAll(async () => {
  t = await startTestRuntime({ logLevel: 'ERROR' });
  const repository = dynamoSignalRepository(
    documentClientOf(t.runtime.dynamodb),
    t.runtime.tableName,
    t.runtime.clock,
  );
  const cases = Array.from({ length: DDAS_RECORDS_PER_ANSWER }, (_, index) => heavyCase(index));
  for (let start = 0; start < cases.length; start += 1_000)
    await repository.putNew(cases.slice(start, start + 1_000));
  await t.setClock('2026-11-02T09:00:00+01:00');
}, 300_000);

afterAll(async () => {
  await t?.stop();
});

describe('a page too large for one answer (issue 14 build 3)', () => {
  let suggested = 0;

  it('is refused with 422 problem+json naming a page size that fits, and not put on record', async () => {
    // Prepare
    const before = await deliveriesOnRecord();

    // Act
    const { response, json } = await cbs({ ...OCTOBER, page: 1 });

    // Assess
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(json).toMatchObject({
      type: 'urn:buurtsignaal:probleem:pagina-te-groot',
      title: 'Verzoek niet verwerkbaar',
      status: 422,
    });
    expect(json.detail).toMatch(/^Pagina 1 is met 5000 records \d+,\d MB, te groot voor één antwoord/);
    suggested = Number(/pageSize (\d+) \(nu 5000\)/.exec(String(json.detail))?.[1]);
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThan(DDAS_RECORDS_PER_ANSWER);
    expect(await deliveriesOnRecord()).toBe(before);
  });

  it('is answered in full, page by page, at the page size it named', async () => {
    const delivered = new Set<string>();
    let totalPages = 1;
    for (let page = 1; page <= totalPages; page++) {
      const { response, json } = await cbs({ ...OCTOBER, page, pageSize: suggested });
      expect(response.status).toBe(200);
      const paginering = json.paginering as { pageSize: number; totalPages: number; totalRecords: number };
      expect(paginering).toMatchObject({ pageSize: suggested, totalRecords: DDAS_RECORDS_PER_ANSWER });
      totalPages = paginering.totalPages;
      const [levering] = (json.gegevens as { leveringen: { vroegsignalen: { ID: string }[] }[] }).leveringen;
      for (const { ID } of levering?.vroegsignalen ?? []) delivered.add(ID);
    }
    expect(totalPages).toBe(Math.ceil(DDAS_RECORDS_PER_ANSWER / suggested));
    expect(delivered.size).toBe(DDAS_RECORDS_PER_ANSWER);
  });
});
