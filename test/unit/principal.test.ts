import { describe, expect, it } from 'vitest';
import { localTokenTable, principalFromClaims } from '../../shared/auth/principal.ts';

describe('principal from JWT claims (AWS: Cognito via the HTTP API JWT authorizer)', () => {
  it.each([
    [
      'Cognito user, groups as array',
      { sub: 'u-1', 'cognito:groups': ['coordinator'], 'custom:scope': 'bt-jg-zuid' },
      { id: 'u-1', role: 'coordinator', scope: 'bt-jg-zuid' },
    ],
    [
      'Cognito user, groups as API Gateway string "[a b]"',
      { sub: 'u-2', 'cognito:groups': '[other team-member]', 'custom:scope': 'bt-sociaal-west' },
      { id: 'u-2', role: 'team-member', scope: 'bt-sociaal-west' },
    ],
    [
      'partner machine client with an OAuth scope',
      { client_id: 'c-1', scope: 'buurtsignaal/housing-corporation:mitros' },
      { id: 'c-1', role: 'housing-corporation', scope: 'mitros' },
    ],
  ])('%s', (_name, claims, expected) => {
    expect(principalFromClaims(claims)).toEqual(expected);
  });

  it.each([
    ['no subject', { 'cognito:groups': ['admin'], 'custom:scope': '*' }],
    ['unknown role', { sub: 'u', 'cognito:groups': ['superuser'], 'custom:scope': '*' }],
    ['role without scope', { sub: 'u', 'cognito:groups': ['team-member'] }],
    ['foreign OAuth scope', { client_id: 'c', scope: 'other/admin:*' }],
  ])('%s → no principal', (_name, claims) => {
    expect(principalFromClaims(claims)).toBeUndefined();
  });
});

describe('local token table (API.md)', () => {
  it('has the documented tokens with their role and scope', () => {
    const tokens = localTokenTable();

    expect(tokens.get('dev-bo-ex')).toEqual({ id: 'dev-bo-ex', role: 'housing-corporation', scope: 'bo-ex' });
    expect(tokens.get('dev-werk-en-inkomen')?.role).toBe('energy-forwarder');
    expect(tokens.get('dev-politie')?.role).toBe('police');
    expect(tokens.get('dev-bt-jg-overvecht')).toMatchObject({
      role: 'team-member',
      scope: 'bt-jg-overvecht',
    });
    expect(tokens.get('dev-coordinator-toegang')).toMatchObject({ role: 'coordinator', scope: 'toegang' });
    expect(tokens.get('dev-manager-jg')).toMatchObject({ role: 'manager', scope: 'jg' });
    expect(tokens.get('dev-gemeente')?.role).toBe('municipality');
    expect(tokens.get('dev-admin')?.role).toBe('admin');
    expect(tokens.get('dev-cbs')).toEqual({ id: 'dev-cbs', role: 'cbs', scope: 'cbs' });
    expect(tokens.size).toBe(3 + 1 + 1 + 22 + 22 + 2 + 1 + 1 + 1);
  });
});
