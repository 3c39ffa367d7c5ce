// `npm start`: the whole service on this machine (DESIGN §2). Dev and demo only — never deployed.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { localTokenTable, type Role } from '../../shared/auth/principal.ts';
import { startLocalRuntime } from './local-runtime.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DATA_DIR ?? '.data');
const verbose = process.env.LOCAL_ACCESS_LOG !== 'off';
/** An intake timing from the environment (DESIGN I1), or the function catalog's default. */
const milliseconds = (name: 'UPLOAD_TIME_BUDGET_MS' | 'RECONCILE_AFTER_MS') =>
  process.env[name] ? Number(process.env[name]) : undefined;

const runtime = await startLocalRuntime({
  port,
  dataDir,
  logLevel: process.env.LOG_LEVEL ?? 'INFO',
  // The sweep's schedule locally; it also runs on every clock change and on /_local/sweep.
  sweepIntervalMs: Number(process.env.SWEEP_INTERVAL_SECONDS ?? 60) * 1000,
  // Passed on explicitly: the runtime sets every function's environment from the catalog, which
  // would replace these with their defaults.
  uploadTimeBudgetMs: milliseconds('UPLOAD_TIME_BUDGET_MS'),
  // Issue 16: the BRP stand-in answers the router unless switched off (a deployment without a BRP
  // connection routes as before: composition unknown stays unknown).
  brp: process.env.BRP_STAND_IN === 'off' ? 'none' : 'stand-in',
  reconcileAfterMs: milliseconds('RECONCILE_AFTER_MS'),
  ...(verbose
    ? { onRequest: ({ method, path, status, ms }) => console.log(`${method} ${path} → ${status} (${ms} ms)`) }
    : {}),
});

// Where `npm run redrive` finds this runtime's queues (the ports are chosen at start).
writeFileSync(
  join(dataDir, 'runtime.json'),
  JSON.stringify(
    { url: runtime.url, sqs: runtime.endpoints.sqs, dynamodb: runtime.endpoints.dynamodb, pid: process.pid },
    null,
    2,
  ),
);

const tokens = [...localTokenTable().values()];
const byRole = Map.groupBy(tokens, (principal) => principal.role);
const examples = (role: Role, count = 3) =>
  (byRole.get(role) ?? [])
    .slice(0, count)
    .map((principal) => principal.id)
    .join(', ');

console.log(`
Buurtsignaal draait lokaal op ${runtime.url}   (Node ${process.version})
  data:      ${dataDir}
  DynamoDB:  ${runtime.endpoints.dynamodb} (dynalite)   SQS: ${runtime.endpoints.sqs} (local-aws-sqs)

Demo-tokens (Authorization: Bearer <token>):
  housing-corporation  ${examples('housing-corporation')}
  energy-forwarder     ${examples('energy-forwarder')}
  police               ${examples('police')}
  team-member          dev-<teamId>, bijv. dev-bt-sociaal-overvecht, dev-bt-jg-noordwest, dev-veilig-thuis
  coordinator          dev-coordinator-<teamId>, bijv. dev-coordinator-bt-sociaal-overvecht
  manager              ${examples('manager')}
  municipality         ${examples('municipality')}
  admin                ${examples('admin')}   (ook voor /_local/clock, /_local/drain, /_local/sweep, /_local/outbox)
  cbs                  ${examples('cbs')}   (DDAS-levering: POST /ddas/v1/gegevens)

Probeer:  curl ${runtime.url}/health
Stoppen:  Ctrl+C
`);

// local-aws-sqs keeps its queues in memory: let the pollers finish what is queued before stopping,
// so a report that got its receipt is also routed.
async function shutdown() {
  console.log('Wachtrijen afwerken en stoppen…');
  await runtime
    .drain(15_000)
    .catch(() => console.error('Niet alle wachtrijen waren leeg binnen 15 seconden.'));
  await runtime.stop();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
