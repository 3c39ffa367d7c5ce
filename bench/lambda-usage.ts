// Lambda usage of a stretch of the local runtime (issue 13): every invocation's handler time, as the
// local runtime's `invoke` measures it (wall clock, so waiting on DynamoDB and SQS counts, as Lambda
// bills it), times the memory the stack configures for that function.
import { FUNCTIONS } from '../infra/function-catalog.ts';
import { type InvocationRecord, observeInvocations } from '../infra/local/lambda-context.ts';

/** The stack's memory when a function names none (infra/constructs/service-function.ts). */
const DEFAULT_MEMORY_MB = 512;

const memoryMb = new Map(
  FUNCTIONS.map((definition) => [definition.id, definition.memoryMb ?? DEFAULT_MEMORY_MB]),
);

export interface FunctionUsage {
  readonly memoryMb: number;
  readonly invocations: number;
  /** Billed duration: each invocation rounded up to the millisecond. */
  readonly seconds: number;
  readonly gbSeconds: number;
}

export interface LambdaUsage {
  readonly invocations: number;
  readonly gbSeconds: number;
  readonly byFunction: Record<string, FunctionUsage>;
}

/** Starts recording invocations; `stop()` ends it and sums them per function. */
export function recordLambdaUsage() {
  const records: InvocationRecord[] = [];
  const stopObserving = observeInvocations((record) => records.push(record));
  return {
    stop(): LambdaUsage {
      stopObserving();
      const byFunction: Record<string, FunctionUsage> = {};
      for (const [functionName, list] of Map.groupBy(records, (record) => record.functionName)) {
        const memory = memoryMb.get(functionName) ?? DEFAULT_MEMORY_MB;
        const seconds = list.reduce((sum, record) => sum + Math.ceil(record.ms), 0) / 1000;
        byFunction[functionName] = {
          memoryMb: memory,
          invocations: list.length,
          seconds: Math.round(seconds * 1000) / 1000,
          gbSeconds: (seconds * memory) / 1024,
        };
      }
      const usages = Object.values(byFunction);
      return {
        invocations: records.length,
        gbSeconds: usages.reduce((sum, usage) => sum + usage.gbSeconds, 0),
        byFunction,
      };
    },
  };
}
