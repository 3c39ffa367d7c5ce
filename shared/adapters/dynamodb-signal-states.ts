import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SignalRepository, SignalState } from '../application/ports.ts';
import type { Clock } from '../domain/clock.ts';
import type { PartnerFeedback } from '../domain/outcomes.ts';
import { isExpired } from '../domain/retention.ts';
import { TABLE } from '../resources.ts';
import { batchGet } from './dynamodb-batch.ts';
import { runtimeClock } from './runtime-clock.ts';

export const signalKey = (signalId: string) => ({ pk: `SIGNAL#${signalId}`, sk: 'SIGNAL' });

/**
 * What intake and partner feedback need of stored signals (I5, C4): status, amount and feedback of
 * many ids at once, in batches, with a projection. Apart from the repository, so the intake and
 * receipt functions do not bundle what writing a signal needs (routing, the calendar, the ladder).
 */
export function dynamoSignalStates(
  client: DynamoDBDocumentClient,
  tableName: string,
  clock: Clock = runtimeClock,
): Pick<SignalRepository, 'getStates'> {
  return {
    async getStates(signalIds) {
      const items = await batchGet(client, tableName, [...new Set(signalIds)].map(signalKey), {
        expression: 'signalId, #status, amount, partnerFeedback, #expiresAt',
        names: { '#status': 'status', '#expiresAt': TABLE.ttlAttribute },
      });
      const now = clock.now();
      return new Map(
        items.map((item): [string, SignalState] => [
          item.signalId as string,
          {
            signalId: item.signalId as string,
            status: item.status as SignalState['status'],
            amount: item.amount as number | undefined,
            feedback: item.partnerFeedback as PartnerFeedback,
            // Still stored, but as good as gone (P1): intake treats its key as new again.
            ...(isExpired(item[TABLE.ttlAttribute] as number | undefined, now) ? { expired: true } : {}),
          },
        ]),
      );
    },
  };
}
