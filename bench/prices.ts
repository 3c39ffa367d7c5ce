// On-demand list prices in US dollars for eu-west-1 (Europe, Ireland), the region the stack deploys
// to: what `npm run bench` turns its request units, requests and GB-seconds into (issue 13). List
// prices, first tier, without the free tier, savings plans or credits; they change, so each says
// where it comes from. Not re-checked against the pricing pages on the day of writing (2026-12-01):
// confirm them there before quoting a bill.
export const PRICES = {
  region: 'eu-west-1',
  /** The date these list prices hold from (the most recent change they reflect). */
  asOf: '2024-11-01',
  dynamodb: {
    // aws.amazon.com/dynamodb/pricing/on-demand/, Standard table class, Europe (Ireland): $1.4135
    // per million WRU and $0.283 per million RRU until 2024-10-31, halved from 2024-11-01 by the
    // on-demand throughput price reduction (aws.amazon.com/about-aws/whats-new/2024/11/, 50%).
    usdPerMillionWriteRequestUnits: 0.70675,
    usdPerMillionReadRequestUnits: 0.1415,
  },
  sqs: {
    // aws.amazon.com/sqs/pricing/, standard queue, first 100 billion requests a month; each started
    // 64 KB of a request's payload is billed as one request.
    usdPerMillionRequests: 0.4,
  },
  lambda: {
    // aws.amazon.com/lambda/pricing/, Arm (the stack's architecture), first 7.5 billion GB-s a month;
    // duration rounded up to the millisecond.
    usdPerGbSecondArm: 0.0000133334,
    usdPerMillionRequests: 0.2,
  },
} as const;

/** What the bench measured, per 1,000 routed signals. */
export interface UsagePer1000Signals {
  readonly writeRequestUnits: number;
  readonly readRequestUnits: number;
  readonly sqsBilledRequests: number;
  readonly lambdaGbSeconds: number;
  readonly lambdaInvocations: number;
}

/** To a thousandth of a cent. */
const rounded = (usd: number) => Math.round(usd * 1e5) / 1e5;

/** US dollars per 1,000 routed signals, in total and per item of the bill. */
export function usdPer1000Signals(usage: UsagePer1000Signals) {
  const parts = {
    dynamodbWrites: (usage.writeRequestUnits * PRICES.dynamodb.usdPerMillionWriteRequestUnits) / 1e6,
    dynamodbReads: (usage.readRequestUnits * PRICES.dynamodb.usdPerMillionReadRequestUnits) / 1e6,
    sqs: (usage.sqsBilledRequests * PRICES.sqs.usdPerMillionRequests) / 1e6,
    lambdaDuration: usage.lambdaGbSeconds * PRICES.lambda.usdPerGbSecondArm,
    lambdaRequests: (usage.lambdaInvocations * PRICES.lambda.usdPerMillionRequests) / 1e6,
  };
  const total = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return {
    total: rounded(total),
    parts: Object.fromEntries(Object.entries(parts).map(([name, value]) => [name, rounded(value)])) as Record<
      keyof typeof parts,
      number
    >,
  };
}
