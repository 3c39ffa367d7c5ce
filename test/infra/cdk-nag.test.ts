import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Aspects, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { SynthesisMessage } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  controlTowerFindings,
  GUARD_METADATA_KEY,
  type GuardAcknowledgement,
  type GuardReview,
  reviewControlTowerFindings,
} from '../../infra/control-tower-checks.ts';
import { buildStack, type StackFixture } from './stack-fixture.ts';

/** Findings of the pack, including rules that could not evaluate a resource (CdkNagValidationFailure). */
const NAG_FINDING = Match.stringLikeRegexp('AwsSolutions-.*');

interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  /** cdk-nag stores a reason with characters beyond Latin-1 base64-encoded. */
  readonly is_reason_encoded?: boolean;
  readonly applies_to?: readonly (string | { readonly regex: string })[];
}

let fixture: StackFixture;
let annotations: Annotations;

// The stack as `npm run synth` builds it; the acknowledgements are applied by the stack itself.
beforeAll(() => {
  fixture = buildStack();
  // logIgnores reports every finding an acknowledgement covered, so stale ones can be found.
  Aspects.of(fixture.app).add(new AwsSolutionsChecks({ verbose: true, logIgnores: true }));
  annotations = Annotations.fromStack(fixture.stack);
  // Bundles every function: minutes when the machine is busy (the project's default is 120 s).
}, 600_000);

afterAll(() => {
  fixture.dispose();
});

/** `path: first line of the message`, so a failure says what to fix and where. */
function describeFindings(findings: SynthesisMessage[]): string[] {
  return findings.map((finding) => `${finding.id}: ${String(finding.entry.data).split('\n')[0]}`);
}

/** Every acknowledgement in the construct tree, with the path of the resource it sits on. */
function acknowledgements(): { readonly path: string; readonly acknowledgement: Acknowledgement }[] {
  return fixture.stack.node
    .findAll()
    .filter((construct): construct is CfnResource => construct instanceof CfnResource)
    .flatMap((resource) =>
      ((resource.getMetadata('cdk_nag')?.rules_to_suppress ?? []) as Acknowledgement[]).map((stored) => ({
        path: `/${resource.node.path}`,
        acknowledgement: stored.is_reason_encoded
          ? { ...stored, reason: Buffer.from(stored.reason, 'base64').toString() }
          : stored,
      })),
    );
}

/** The findings an acknowledgement covered, as `RuleId[finding]` per resource path (from logIgnores). */
function coveredFindings(): Map<string, string[]> {
  const covered = new Map<string, string[]>();
  for (const info of annotations.findInfo('*', Match.stringLikeRegexp('^CdkNagSuppression'))) {
    // `CdkNagSuppression[<finding>]: <rule> was triggered…`, without brackets for non-granular rules.
    const [, finding, rule] =
      /^CdkNagSuppression(?:\[(.*?)\])?: (\S+) was triggered/.exec(String(info.entry.data)) ?? [];
    if (!rule) continue;
    const found = finding ? [`${rule}[${finding}]`, rule] : [rule];
    covered.set(info.id, [...(covered.get(info.id) ?? []), ...found]);
  }
  return covered;
}

function regexOf(source: string): RegExp {
  const [, pattern = '', flags] = /^\/(.*)\/([a-z]*)$/.exec(source) ?? [];
  return new RegExp(pattern, flags);
}

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged error', () => {
    const errors = describeFindings(annotations.findError('*', NAG_FINDING));
    expect(errors, `Unacknowledged AwsSolutions errors:\n${errors.join('\n')}`).toEqual([]);
  });

  it('leaves no unacknowledged warning', () => {
    const warnings = describeFindings(annotations.findWarning('*', NAG_FINDING));
    expect(warnings, `Unacknowledged AwsSolutions warnings:\n${warnings.join('\n')}`).toEqual([]);
  });

  it('gives every acknowledgement a reason of its own, on one resource, never for the whole stack', () => {
    const all = acknowledgements();
    expect(all.length).toBeGreaterThan(0);
    expect(fixture.stack.templateOptions.metadata?.cdk_nag).toBeUndefined();
    for (const { path, acknowledgement } of all) {
      expect(acknowledgement.reason.length, `${path} ${acknowledgement.id}`).toBeGreaterThanOrEqual(80);
      expect(acknowledgement.reason, `${path} ${acknowledgement.id}`).not.toMatch(/^(not needed|n\/a|ok)\b/i);
      // Wildcard findings are acknowledged one wildcard at a time, never for the whole policy.
      if (acknowledgement.id === 'AwsSolutions-IAM5' || acknowledgement.id === 'AwsSolutions-IAM4') {
        expect(acknowledgement.applies_to?.length, `${path} ${acknowledgement.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('has no acknowledgement left that no longer matches a finding', () => {
    const covered = coveredFindings();
    const stale = acknowledgements().flatMap(({ path, acknowledgement }) => {
      const findings = covered.get(path) ?? [];
      const patterns = acknowledgement.applies_to ?? [];
      if (patterns.length === 0) {
        return findings.includes(acknowledgement.id) ? [] : [`${path}: ${acknowledgement.id}`];
      }
      return patterns
        .filter((pattern) => {
          const matches = (finding: string) =>
            typeof pattern === 'string'
              ? finding === `${acknowledgement.id}[${pattern}]`
              : finding.startsWith(`${acknowledgement.id}[`) &&
                regexOf(pattern.regex).test(finding.slice(acknowledgement.id.length + 1, -1));
          return !findings.some(matches);
        })
        .map((pattern) => `${path}: ${acknowledgement.id} ${JSON.stringify(pattern)}`);
    });
    expect(stale, `Acknowledgements without a finding:\n${stale.join('\n')}`).toEqual([]);
  });
});

/** `control logicalId (path): first line`, so a failure says what to fix and where. */
function describeGuardFindings(findings: GuardReview['open']): string[] {
  return findings.map(
    (finding) => `${finding.control} ${finding.logicalId}: ${finding.description} (fix: ${finding.fix})`,
  );
}

// cfn-guard runs the bundled binary over the synthesized template: on a busy 2-core machine that
// takes up to a couple of minutes, so its hook has a timeout of its own.
describe('cfn-guard: AWS Control Tower proactive controls', () => {
  let review: GuardReview;

  beforeAll(() => {
    const assembly = fixture.app.synth();
    review = reviewControlTowerFindings(fixture.app, join(assembly.directory, fixture.stack.templateFile));
  }, 600_000);

  it('leaves no unacknowledged finding', () => {
    const open = describeGuardFindings(review.open);
    expect(open, `Unacknowledged Control Tower findings:\n${open.join('\n')}`).toEqual([]);
    // Not vacuous: the rules ran and found what the acknowledgements cover.
    expect(review.acknowledged.length).toBeGreaterThan(0);
  });

  it('has no acknowledgement left that no longer matches a finding', () => {
    const stale = review.stale.map(({ logicalId, id }) => `${logicalId}: ${id}`);
    expect(stale, `Acknowledgements without a finding:\n${stale.join('\n')}`).toEqual([]);
  });

  it('gives every acknowledgement a control id and a reason of its own', () => {
    const all = fixture.stack.node
      .findAll()
      .filter((construct): construct is CfnResource => construct instanceof CfnResource)
      .flatMap((resource) =>
        ((resource.getMetadata(GUARD_METADATA_KEY)?.rules_to_suppress ?? []) as GuardAcknowledgement[]).map(
          (acknowledgement) => ({ path: resource.node.path, acknowledgement }),
        ),
      );
    expect(all.length).toBeGreaterThan(0);
    for (const { path, acknowledgement } of all) {
      expect(acknowledgement.id, path).toMatch(/^CT\.[A-Z0-9]+\.PR\.\d+$/);
      expect(acknowledgement.reason.length, `${path} ${acknowledgement.id}`).toBeGreaterThanOrEqual(80);
    }
  });

  it('finds what it should: an alarm without an action fails CT.CLOUDWATCH.PR.1', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'buurtsignaal-guard-'));
    try {
      const app = new App({ outdir });
      const probe = new Stack(app, 'Probe');
      new Metric({ namespace: 'Probe', metricName: 'Probe', period: Duration.minutes(1) }).createAlarm(
        probe,
        'Silent',
        { threshold: 1, evaluationPeriods: 1 },
      );
      const assembly = app.synth();
      const findings = controlTowerFindings(app, join(assembly.directory, probe.templateFile));
      expect(findings.map((finding) => finding.control)).toContain('CT.CLOUDWATCH.PR.1');
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
