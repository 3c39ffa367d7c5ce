import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { loadHouseholdSecret } from '../../shared/adapters/household-secret.ts';

// Issue 6 build 4: the key behind household keys and partner signal ids (M1, I5) comes from Secrets
// Manager on AWS — read once per Lambda instance, at module scope — and from the data directory locally.
const secretsManager = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:HouseholdKeySecret-abc';

afterEach(() => secretsManager.reset());

describe('loadHouseholdSecret', () => {
  it('reads the secret by its ARN from Secrets Manager', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'k'.repeat(64) });

    const secret = await loadHouseholdSecret({ HOUSEHOLD_KEY_SECRET_ARN: ARN });

    expect(secret).toBe('k'.repeat(64));
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
  });

  it('uses the locally generated secret without calling AWS', async () => {
    expect(await loadHouseholdSecret({ HOUSEHOLD_KEY_SECRET: 'local-secret' })).toBe('local-secret');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('refuses an empty secret rather than hashing with nothing', async () => {
    secretsManager.on(GetSecretValueCommand).resolves({});

    await expect(loadHouseholdSecret({ HOUSEHOLD_KEY_SECRET_ARN: ARN })).rejects.toThrow(/empty/);
  });

  it('names the missing setting when neither is configured', async () => {
    await expect(loadHouseholdSecret({})).rejects.toThrow('HOUSEHOLD_KEY_SECRET');
  });
});
