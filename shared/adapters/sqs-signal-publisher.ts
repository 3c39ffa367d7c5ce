import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SignalPublisher } from '../application/ports.ts';

/** Puts intake messages on the `signals` queue; the router consumes them (DESIGN §2). */
export function sqsSignalPublisher(client: SQSClient, queueUrl: string): SignalPublisher {
  return {
    async publish(message) {
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(message),
          // Ids and type only: attributes show up in consoles and traces, bodies do not (P2).
          MessageAttributes: {
            type: { DataType: 'String', StringValue: message.type },
            signalId: { DataType: 'String', StringValue: message.signalId },
          },
        }),
      );
    },
  };
}
