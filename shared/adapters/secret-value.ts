import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * A Secrets Manager secret's value, for what a function reads once per Lambda instance at cold
 * start: the household key (M1) and the DDAS certificate chain (X3). The client lives for this one
 * call. An empty value is refused here, so a function never starts with nothing in its place.
 */
export async function readSecretValue(secretArn: string, what: string): Promise<string> {
  const client = new SecretsManagerClient({});
  try {
    const result = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!result.SecretString) throw new Error(`The ${what} is empty`);
    return result.SecretString;
  } finally {
    client.destroy();
  }
}
