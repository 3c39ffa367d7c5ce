import { readSecretValue } from './secret-value.ts';

/**
 * The secret behind the household key and the partner signal ids (DESIGN M1, I5). Locally the
 * runtime generates it once in its data directory and passes it in `HOUSEHOLD_KEY_SECRET`; on AWS
 * it lives in Secrets Manager and is read once per Lambda instance. It must never change: every
 * stored household key and dedupe id depends on it.
 */
export async function loadHouseholdSecret(env: {
  readonly HOUSEHOLD_KEY_SECRET?: string | undefined;
  readonly HOUSEHOLD_KEY_SECRET_ARN?: string | undefined;
}): Promise<string> {
  if (env.HOUSEHOLD_KEY_SECRET) return env.HOUSEHOLD_KEY_SECRET;
  if (!env.HOUSEHOLD_KEY_SECRET_ARN)
    throw new Error('Invalid function environment: HOUSEHOLD_KEY_SECRET(_ARN)');
  return readSecretValue(env.HOUSEHOLD_KEY_SECRET_ARN, 'household key secret');
}
