import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../shared/api/operations.ts';
import { assertAllowed, decide, metricTeamsOf } from '../../shared/auth/access-policy.ts';
import { localTokenTable, type Principal } from '../../shared/auth/principal.ts';
import { DomainError } from '../../shared/domain/domain-error.ts';

// DESIGN P4, decided in one place. The integration test test/integration/auth.test.ts runs every
// route against every role over HTTP; these are the scope rules on their own.
const tokens = localTokenTable();
const who = (token: string) => tokens.get(token) as Principal;

describe('team data (P4)', () => {
  it.each([
    ['dev-bt-jg-oost', 'bt-jg-oost', 'allow', 'allow'],
    ['dev-bt-jg-oost', 'bt-jg-west', 'forbidden', 'forbidden'],
    ['dev-coordinator-bt-jg-oost', 'bt-jg-oost', 'allow', 'allow'],
    ['dev-manager-jg', 'bt-jg-oost', 'allow', 'forbidden'],
    ['dev-manager-jg', 'bt-sociaal-oost', 'forbidden', 'forbidden'],
    ['dev-manager-sociaal', 'toegang', 'forbidden', 'forbidden'],
    ['dev-admin', 'veilig-thuis', 'allow', 'forbidden'],
    ['dev-gemeente', 'bt-jg-oost', 'forbidden', 'forbidden'],
    ['dev-bo-ex', 'bt-jg-oost', 'forbidden', 'forbidden'],
  ])('%s on %s: view %s, work %s', (token, teamId, view, work) => {
    expect(decide(who(token), OPERATIONS.getSignal, { teamId })).toBe(view);
    expect(decide(who(token), OPERATIONS.closeSignal, { teamId })).toBe(work);
  });

  it('the role check alone (the gateway middleware) admits the role, not yet the team', () => {
    expect(decide(who('dev-bt-jg-west'), OPERATIONS.getSignal)).toBe('allow');
    expect(decide(who('dev-gemeente'), OPERATIONS.getSignal)).toBe('forbidden');
  });
});

describe("a partner's own submissions (P4, C4)", () => {
  it('its own upload is allowed; another partner’s is not found, not forbidden', () => {
    expect(decide(who('dev-bo-ex'), OPERATIONS.getUpload, { source: 'bo-ex' })).toBe('allow');
    expect(decide(who('dev-mitros'), OPERATIONS.getUpload, { source: 'bo-ex' })).toBe('not-found');
    expect(decide(who('dev-politie'), OPERATIONS.getUpload, { source: 'politie-utrecht' })).toBe('forbidden');
  });
});

describe("a signal's audit trail (P3)", () => {
  it('the team’s coordinator and admins; once the signal is gone, admins only', () => {
    const audit = OPERATIONS.getSignalAudit;
    expect(decide(who('dev-coordinator-bt-jg-oost'), audit, { teamId: 'bt-jg-oost' })).toBe('allow');
    expect(decide(who('dev-coordinator-bt-jg-west'), audit, { teamId: 'bt-jg-oost' })).toBe('forbidden');
    expect(decide(who('dev-bt-jg-oost'), audit, { teamId: 'bt-jg-oost' })).toBe('forbidden');
    expect(decide(who('dev-manager-jg'), audit, { teamId: 'bt-jg-oost' })).toBe('forbidden');
    expect(decide(who('dev-admin'), audit, { teamId: 'bt-jg-oost' })).toBe('allow');
    expect(decide(who('dev-coordinator-bt-jg-oost'), audit, { teamId: undefined })).toBe('forbidden');
    expect(decide(who('dev-admin'), audit, { teamId: undefined })).toBe('allow');
  });
});

describe('aggregates (API.md metrics)', () => {
  const metrics = OPERATIONS.firstContactMetrics;

  it('a coordinator its team, a manager its organisation, the municipality and admins all', () => {
    expect(metricTeamsOf(who('dev-coordinator-bt-sociaal-zuid'))).toEqual(['bt-sociaal-zuid']);
    expect(metricTeamsOf(who('dev-manager-jg')).every((team) => team.startsWith('bt-jg-'))).toBe(true);
    expect(metricTeamsOf(who('dev-manager-jg'))).toHaveLength(10);
    expect(metricTeamsOf(who('dev-gemeente'))).toHaveLength(21);
    expect(metricTeamsOf(who('dev-gemeente'))).not.toContain('veilig-thuis');
  });

  it.each([
    ['dev-coordinator-bt-sociaal-zuid', 'bt-sociaal-zuid', 'allow'],
    ['dev-coordinator-bt-sociaal-zuid', 'bt-sociaal-west', 'forbidden'],
    ['dev-manager-jg', 'bt-sociaal-west', 'forbidden'],
    ['dev-gemeente', 'bt-sociaal-west', 'allow'],
    ['dev-gemeente', 'veilig-thuis', 'not-found'],
    ['dev-gemeente', 'bt-nergens', 'not-found'],
    ['dev-bt-sociaal-zuid', 'bt-sociaal-zuid', 'forbidden'],
  ])('%s asking for %s: %s', (token, metricsTeamId, decision) => {
    expect(decide(who(token), metrics, { metricsTeamId })).toBe(decision);
  });
});

describe('assertAllowed', () => {
  it('turns a refusal into a DomainError with the Dutch message the handler chose', () => {
    const refuse = () =>
      assertAllowed(
        who('dev-mitros'),
        OPERATIONS.getUpload,
        { source: 'bo-ex' },
        {
          notFound: { code: 'upload-not-found', message: 'Er is geen aanlevering met dit id.' },
        },
      );
    expect(refuse).toThrow(DomainError);
    expect(refuse).toThrow(expect.objectContaining({ kind: 'not-found', code: 'upload-not-found' }));
  });

  it('lets an allowed call through', () => {
    expect(() =>
      assertAllowed(who('dev-bt-jg-oost'), OPERATIONS.closeSignal, { teamId: 'bt-jg-oost' }),
    ).not.toThrow();
  });
});
