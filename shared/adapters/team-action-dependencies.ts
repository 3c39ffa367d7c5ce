import { ENVIRONMENTS, parseEnvironment } from '../environments.ts';
import { dynamoDocumentClient } from './aws-clients.ts';
import { dynamoAuditTrail } from './dynamodb-audit-trail.ts';
import { dynamoHouseholdStore } from './dynamodb-household-store.ts';
import { dynamoSignalRepository } from './dynamodb-signal-repository.ts';
import { runtimeClock } from './runtime-clock.ts';

/** What the team's actions on a signal (contact attempt, re-route, close) work with, built once per instance. */
export function teamActionDependencies() {
  const env = parseEnvironment(ENVIRONMENTS.teamSignals);
  return {
    signals: dynamoSignalRepository(dynamoDocumentClient(), env.TABLE_NAME),
    households: dynamoHouseholdStore(dynamoDocumentClient(), env.TABLE_NAME),
    audit: dynamoAuditTrail(dynamoDocumentClient(), env.TABLE_NAME),
    clock: runtimeClock,
  };
}
