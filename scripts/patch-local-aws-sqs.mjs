// local-aws-sqs 2.0.2 counts a ChangeMessageVisibility call as a receive (it bumps
// ApproximateReceiveCount), so a message whose visibility is changed reaches the DLQ early. Real SQS
// only counts receives. The local event-source poller changes the visibility of failed records to
// retry them soon, so it needs SQS's real behaviour. This idempotent patch makes the count change
// only on receive; it fails loudly when the package no longer looks as expected.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let file;
try {
  file = require.resolve('local-aws-sqs');
} catch {
  process.exit(0); // production install without dev dependencies: nothing to patch
}
const source = readFileSync(file, 'utf8');
const original =
  'Wt=function(t,e,i){if(!t)return;let r=this.VisibilityTimeout*1e3;typeof e=="number"&&!isNaN(e)&&(r=e*1e3);let n=Number(t.record.attributes.ApproximateReceiveCount)+1;';
const patched = original.replace('ApproximateReceiveCount)+1;', 'ApproximateReceiveCount)+(i?0:1);');
if (source.includes(patched)) process.exit(0);
if (!source.includes(original)) {
  console.error(`patch-local-aws-sqs: ${file} changed; check the receive-count fix by hand.`);
  process.exit(1);
}
writeFileSync(file, source.replace(original, patched));
console.log('patch-local-aws-sqs: ChangeMessageVisibility no longer counts as a receive.');
