import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Aspects, Tags } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SERVICE_NAME } from '../shared/resources.ts';
import { BuurtsignaalStack } from './buurtsignaal-stack.ts';

const root = join(import.meta.dirname, '..');

// The CDK CLI passes cdk.json's context to the app itself; `npm run synth` runs this file with
// plain Node, so read the same feature flags here. Values from the CLI win when both are present.
const { context } = JSON.parse(readFileSync(join(root, 'cdk.json'), 'utf8')) as {
  context?: Record<string, unknown>;
};

const app = new App({
  context,
  outdir: process.env.CDK_OUTDIR ?? join(root, 'cdk.out'),
  analyticsReporting: false,
});
Tags.of(app).add('service', SERVICE_NAME);

// The region is pinned (data stays in the EU) rather than taken from whatever profile is active;
// the account is left open, so synth needs no credentials and does no lookups.
new BuurtsignaalStack(app, 'Buurtsignaal', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.BUURTSIGNAAL_REGION ?? 'eu-west-1' },
  description: 'Buurtsignaal: intake en signalen van de Utrechtse Buurtteams',
});

// The AWS Solutions checks a security officer runs: an unacknowledged error fails the synth, a
// warning is printed. Acknowledgements, each with its reason, are in nag-acknowledgements.ts.
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));

app.synth();
