// A small client of the Buurtsignaal API as a partner or a team's tool would write it: types
// generated from GET /openapi.json with openapi-typescript (`buurtsignaal-api.ts`, written beside
// this file by test/support/openapi-contract.ts, never committed) and openapi-fetch to call it.
// It is only type-checked, never run: it stops compiling when an operation, a parameter or a field
// it uses disappears from the document, or changes type. Not in the root tsconfig for that reason.

import createClient from 'openapi-fetch';
import type { components, operations, paths } from './buurtsignaal-api.ts';

type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

const partner = createClient<paths>({
  baseUrl: 'http://localhost:3000',
  headers: { authorization: 'Bearer dev-bo-ex' },
});
const police = createClient<paths>({
  baseUrl: 'http://localhost:3000',
  headers: { authorization: 'Bearer dev-politie' },
});
const team = createClient<paths>({
  baseUrl: 'http://localhost:3000',
  headers: { authorization: 'Bearer dev-coordinator-bt-sociaal-overvecht' },
});

const signalId = 'sig_f9124df3cce342228793c706c476813f';
const cbs = createClient<paths>({
  baseUrl: 'http://localhost:3000',
  headers: { authorization: 'Bearer dev-cbs' },
});
const teamId = 'bt-sociaal-overvecht';

/** What a client shows of an error: the stable code, or API Gateway's message on AWS. */
function problem(error: Schema<'Error'> | Schema<'GatewayError'> | undefined): string {
  if (!error) return '';
  return 'error' in error
    ? `${error.error.code}: ${error.error.message} ${(error.error.details ?? []).map((d) => d.field).join(', ')}`
    : error.message;
}

const careReport: Schema<'CareReport'> = {
  reportId: 'PL0900-2026-123456',
  reportedAt: '2026-11-20T22:15:00+01:00',
  unit: 'Basisteam Overvecht',
  categories: ['psychisch', 'overlast'],
  safety: { acuteUnsafety: false, domesticViolence: false, childUnsafety: false },
  consent: 'given',
  person: { initials: 'A.', surname: 'Jansen', birthDate: '1971-02-03' },
  address: { postcode: '3561AB', houseNumber: 4 },
  household: { adults: 1, minors: [{ birthDate: '2014-06-01' }] },
};

const energySignal: Schema<'EnergySignal'> = {
  reference: 'E-2026-000123',
  supplier: 'Eneco',
  kind: 'vroegsignaal',
  customerNumber: '81234567',
  person: { surname: 'Dam', birthDate: '1980-05-01', phone: '0612345678', bsn: '111222333' },
  address: { postcode: '3563AB', houseNumber: 12 },
  amount: 412.5,
  arrearsSince: '2026-09-01',
  minorsInHousehold: 2,
};

function receiptLine(receipt: Schema<'UploadReceipt'>): string {
  const rows = (receipt.rows ?? []).map(
    (row) => `${row.row} ${row.reference ?? ''} ${row.status} ${row.signalId ?? ''} ${row.feedback ?? ''}`,
  );
  const items = (receipt.items ?? []).map((item) => `${item.index} ${item.reference ?? ''} ${item.status}`);
  const errors = [...(receipt.rows ?? []), ...(receipt.items ?? [])].flatMap((line) => line.errors ?? []);
  return [
    receipt.uploadId,
    receipt.kind,
    receipt.status,
    receipt.attestation ?? '',
    receipt.counts.received,
    receipt.progress.processed,
    ...receipt.warnings.map((warning) => `${warning.code} ${warning.column ?? ''}`),
    ...rows,
    ...items,
    ...errors.map((error) => `${error.field} ${error.code} ${error.message}`),
  ].join('\n');
}

function signalLine(signal: Schema<'SignalDetail'>): string {
  return [
    signal.signalId,
    signal.teamId,
    signal.status,
    signal.kind,
    signal.dueDate,
    signal.deadlineAt,
    signal.overdue,
    signal.escalationLevel,
    signal.routing.rule,
    signal.flags.join(','),
    signal.person.displayName,
    signal.person.birthDate ?? '',
    signal.address.postcode,
    signal.address.houseNumber,
    signal.outcome ?? '',
    signal.closedAt ?? '',
    // Issue 15: who closed it, in words.
    signal.closedBy ? `${signal.closedBy.displayName} (${signal.closedBy.role})` : '',
    signal.firstContactInTime ?? '',
    ...signal.contactAttempts.map(
      (attempt) => `${attempt.kind} ${attempt.reached} ${attempt.dagdeel} ${attempt.at}`,
    ),
    ...signal.routingHistory.map((step) => `${step.teamId} ${step.rule} ${step.by ?? ''}`),
    ...signal.escalations.map(
      (escalation) =>
        `${escalation.level} ${escalation.recipient.role} ${escalation.resolved ? `opgelost ${escalation.resolvedAt} (${escalation.resolvedThrough})` : 'open'}`,
    ),
  ].join('\n');
}

/** Every operation of the document, by operationId: one missing here, or gone there, fails. */
export const calls: { readonly [Name in keyof operations]: () => Promise<string> } = {
  async health() {
    const { data } = await partner.GET('/health');
    return `${data?.status} ${data?.now}`;
  },
  async openApi() {
    const { data } = await partner.GET('/openapi.json');
    return JSON.stringify(data);
  },
  async submitCareReport() {
    const { data, error, response } = await partner.POST('/intake/care-reports', {
      body: careReport,
      params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    });
    if (!data) return problem(error);
    const replayed = response.headers.get('idempotent-replayed') === 'true';
    return `${data.signalId} ${data.status satisfies 'accepted' | 'duplicate'} ${replayed}`;
  },
  async getCareReport() {
    const { data, error } = await partner.GET('/intake/care-reports/{reportId}', {
      params: { path: { reportId: careReport.reportId } },
    });
    return data ? `${data.reportId} ${data.feedback satisfies Schema<'Feedback'>}` : problem(error);
  },
  async listCareReports() {
    const lines: string[] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await police.GET('/intake/care-reports', {
        params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      });
      if (!data) return problem(error);
      lines.push(
        ...data.items.map(
          (item) =>
            `${item.reportId} ${item.signalId} ${item.reportedAt} ${item.receivedAt} ${item.feedback satisfies Schema<'Feedback'>}`,
        ),
      );
      cursor = data.cursor;
    } while (cursor);
    return lines.join('\n');
  },
  async submitRentArrears() {
    const { data, error } = await partner.POST('/intake/rent-arrears', {
      params: { query: { attest: 'sociale-incasso' } },
      body: 'huurdernummer;achternaam;geboortedatum;postcode;huisnummer;achterstand_bedrag;achterstand_sinds\r\n',
      bodySerializer: (body) => body as string,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    return data ? receiptLine(data) : problem(error);
  },
  async submitEnergyDebts() {
    const { data, error } = await partner.POST('/intake/energy-debts', {
      body: { batchId: 'wi-2026-11-001', signals: [energySignal] },
    });
    return data ? receiptLine(data) : problem(error);
  },
  async listUploads() {
    const lines: string[] = [];
    let cursor: string | undefined;
    do {
      const { data, error } = await partner.GET('/intake/uploads', {
        params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } },
      });
      if (!data) return problem(error);
      lines.push(
        ...data.items.map((upload) => `${upload.uploadId} ${upload.status} ${upload.counts.accepted}`),
      );
      cursor = data.cursor;
    } while (cursor);
    return lines.join('\n');
  },
  async getUpload() {
    const { data, error } = await partner.GET('/intake/uploads/{uploadId}', {
      params: { path: { uploadId: 'upl_577f049f861e44b5badf5c3dcc1dfc73' } },
    });
    return data ? receiptLine(data) : problem(error);
  },
  async listTeamSignals() {
    const { data, error } = await team.GET('/teams/{teamId}/signals', {
      params: { path: { teamId }, query: { status: 'overdue', limit: 20 } },
    });
    if (!data) return problem(error);
    const items = data.items.map(
      (item) => `${item.signalId} ${item.person.displayName} ${item.person.birthYear ?? ''} ${item.dueDate}`,
    );
    return [data.asOf, ...items, data.cursor ?? ''].join('\n');
  },
  async listTeamAppointments() {
    const { data, error } = await team.GET('/teams/{teamId}/appointments', {
      params: { path: { teamId }, query: { from: '2026-11-30', to: '2026-12-06' } },
    });
    if (!data) return problem(error);
    const items = data.items.map(
      (item) =>
        `${item.signalId} ${item.startsAt} ${item.place} ${item.opVerzoekInwoner} ${item.person.displayName}`,
    );
    return [data.asOf, ...items].join('\n');
  },
  async getSignal() {
    const { data, error } = await team.GET('/signals/{signalId}', { params: { path: { signalId } } });
    return data ? signalLine(data) : problem(error);
  },
  async recordContactAttempt() {
    const { data, error } = await team.POST('/signals/{signalId}/contact-attempts', {
      params: { path: { signalId } },
      body: { kind: 'huisbezoek', reached: false, at: '2026-11-24T09:30:00+01:00', note: 'Niemand thuis.' },
    });
    return data ? signalLine(data) : problem(error);
  },
  async planAppointment() {
    const { data, error } = await team.POST('/signals/{signalId}/appointments', {
      params: { path: { signalId } },
      body: { startsAt: '2026-12-03T14:00:00+01:00', place: 'thuis', opVerzoekInwoner: true },
    });
    return data ? `${signalLine(data)} ${data.nextAppointmentAt ?? ''}` : problem(error);
  },
  async recordAppointmentOutcome() {
    const { data, error } = await team.POST('/signals/{signalId}/appointments/{appointmentId}', {
      params: { path: { signalId, appointmentId: 'afs_1' } },
      body: { status: 'gehouden' },
    });
    const held = data?.appointments.filter((appointment) => appointment.status === 'gehouden').length;
    return data ? `${signalLine(data)} ${held}` : problem(error);
  },
  async rerouteSignal() {
    const { data, error } = await team.POST('/signals/{signalId}/reroute', {
      params: { path: { signalId } },
      body: { teamId: 'bt-sociaal-zuid', reason: 'Meneer verhuist naar Zuid.' },
    });
    return data ? signalLine(data) : problem(error);
  },
  async closeSignal() {
    const { data, error } = await team.POST('/signals/{signalId}/close', {
      params: { path: { signalId } },
      body: { outcome: 'vervolghulp' },
    });
    return data ? signalLine(data) : problem(error);
  },
  async getSignalAudit() {
    const { data, error } = await team.GET('/signals/{signalId}/audit', {
      params: { path: { signalId }, query: { limit: 10 } },
    });
    if (!data) return problem(error);
    return data.items
      .map(
        (entry) =>
          `${entry.firstAt ?? entry.at}–${entry.at} ${entry.action} ×${entry.count} ${entry.who.label} (${entry.principal.role})`,
      )
      .join('\n');
  },
  async listTeamEscalations() {
    const { data, error } = await team.GET('/teams/{teamId}/escalations', { params: { path: { teamId } } });
    if (!data) return problem(error);
    return data.items.map((item) => `${item.signalId} ${item.level} ${item.recipient.scope}`).join('\n');
  },
  async firstContactMetrics() {
    const { data, error } = await team.GET('/metrics/first-contact', {
      params: { query: { from: '2026-11-01', to: '2026-11-30', teamId } },
    });
    if (!data) return problem(error);
    const teams = data.teams.map(
      (row) =>
        `${row.teamId} ${row.percentInTime ?? '-'}% (${row.contactedInTime}/${row.due}; ${row.contactedLate} laat, ${row.openOverdue} over, ${row.openWithinDeadline} nog binnen, ${row.closedWithoutContact} zonder contact)`,
    );
    const a3 = data.total.firstConversation;
    return [
      data.asOf,
      ...teams,
      `${data.total.contactedInTime}/${data.total.due}`,
      `A3 ${a3.heldInTime} ${a3.laterAtOwnRequest} ${a3.contactInTime} ${a3.noneYet} ${a3.lateOtherwise} ${a3.percent.heldInTime ?? '-'}%`,
    ].join('\n');
  },
  async countTeamSignals() {
    const { data, error } = await team.GET('/teams/{teamId}/signal-counts', { params: { path: { teamId } } });
    return data ? `${data.open} ${data.overdue} ${data.closed}` : problem(error);
  },
  async signalVolume() {
    const { data, error } = await team.GET('/metrics/signal-volume', {
      params: { query: { from: '2026-11-01', to: '2026-11-30' } },
    });
    if (!data) return problem(error);
    return data.months
      .map((month) => `${month.month} ${month.total} ${Object.keys(month.bySource)}`)
      .join('\n');
  },
  async ddasGegevens() {
    const { data, error, response } = await cbs.POST('/ddas/v1/gegevens', {
      body: { aanleverperiodeStartdatum: '2026-11-01', aanleverperiodeEinddatum: '2026-11-30', page: 1 },
    });
    // A problem (RFC 9457) from the service, or API Gateway's own `{ message }` on AWS.
    if (!data) return error && 'type' in error ? `${error.type} ${error.status}` : JSON.stringify(error);
    const [levering] = data.gegevens.leveringen ?? [];
    return [
      response.headers.get('Digest'),
      `${data.paginering?.currentPage}/${data.paginering?.totalPages} ${data.paginering?.totalRecords}`,
      ...(levering?.vroegsignalen ?? []).map(
        (signal) => `${signal.ID} ${signal.status} ${signal.signaalpartner.type} ${signal.bedrag}`,
      ),
    ].join('\n');
  },
  async ddasCertificaat() {
    const { data } = await partner.GET('/ddas/v1/certificaat');
    return `${data?.kid} ${data?.x5c.length}`;
  },
};
