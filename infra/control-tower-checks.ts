import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { IConstruct } from 'constructs';

/**
 * The AWS Control Tower proactive controls (CT.*.PR.*) as cfn-guard rules, checked against a
 * synthesized template by the cfn-guard binary that @cdklabs/cdk-validator-cfnguard ships for
 * Linux and macOS on x64 and arm64: nothing is downloaded, so it runs offline.
 *
 * cfn-guard has no suppressions of its own. A finding left open on purpose is acknowledged on its
 * resource, with the reason, in nag-acknowledgements.ts, which writes it into the resource's
 * template metadata under GUARD_METADATA_KEY (as cdk-nag does under `cdk_nag`); this module reads
 * it back from the same template, so the check sees exactly what would be deployed.
 */
export const GUARD_METADATA_KEY = 'cfn_guard';

export interface GuardAcknowledgement {
  /** The Control Tower control id, e.g. `CT.LAMBDA.PR.3`. */
  readonly id: string;
  readonly reason: string;
}

export interface GuardFinding {
  readonly control: string;
  readonly logicalId: string;
  readonly description: string;
  readonly fix: string;
}

export interface GuardReview {
  /** Findings no acknowledgement covers: these fail the check. */
  readonly open: readonly GuardFinding[];
  readonly acknowledged: readonly GuardFinding[];
  /** Acknowledgements for which the rules found nothing (the resource was fixed): remove them. */
  readonly stale: readonly { readonly logicalId: string; readonly id: string }[];
}

interface TemplateResource {
  readonly Type: string;
  readonly Metadata?: Record<string, unknown>;
}

function readTemplate(templatePath: string): { Resources?: Record<string, TemplateResource> } {
  return JSON.parse(readFileSync(templatePath, 'utf8')) as { Resources?: Record<string, TemplateResource> };
}

/** The Control Tower rule files the package bundles. */
function controlTowerRuleFiles(): string[] {
  const packageJson = createRequire(import.meta.url).resolve('@cdklabs/cdk-validator-cfnguard/package.json');
  const directory = join(dirname(packageJson), 'rules', 'control-tower', 'cfn-guard');
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.guard'))
    .map((file) => join(directory, file))
    .sort();
}

/**
 * The rules that can apply to the template: each rule names the resource types it checks (e.g.
 * `"AWS::CloudWatch::Alarm"`), and one naming none of the template's types can only skip. Leaving
 * those out (some 180 of 237, EC2, RDS, EKS, …) roughly halves cfn-guard's time on this template,
 * which matters on a shared 2-core machine. A rule that names no type at all is kept.
 */
function applicableRuleFiles(templatePath: string): string[] {
  const types = new Set(
    Object.values(readTemplate(templatePath).Resources ?? {}).map((resource) => resource.Type),
  );
  return controlTowerRuleFiles().filter((file) => {
    const named = [...readFileSync(file, 'utf8').matchAll(/["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']/g)].map(
      (match) => match[1] as string,
    );
    return named.length === 0 || named.some((type) => types.has(type));
  });
}

/** Every Control Tower finding in the template of a synthesized app, one per control and resource. */
export function controlTowerFindings(app: IConstruct, templatePath: string): GuardFinding[] {
  const validator = new CfnGuardValidator({
    controlTowerRulesEnabled: false,
    rules: applicableRuleFiles(templatePath),
    // Its JSON report grows with the template; Node's default 1 MB for a child's output is too small.
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = validator.validate({ appConstruct: app, templatePaths: [templatePath] });
  const findings = new Map<string, GuardFinding>();
  for (const violation of report.violations) {
    const control = /^\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/.exec(violation.description)?.[1] ?? violation.ruleName;
    for (const resource of violation.violatingResources) {
      const finding = {
        control,
        logicalId: resource.resourceLogicalId,
        description: violation.description,
        fix: violation.fix ?? '',
      };
      findings.set(`${control} ${finding.logicalId}`, finding);
    }
  }
  return [...findings.values()];
}

/** The acknowledgements in a template, by the logical id of the resource they sit on. */
export function guardAcknowledgements(templatePath: string): Map<string, GuardAcknowledgement[]> {
  const template = readTemplate(templatePath);
  const acknowledgements = new Map<string, GuardAcknowledgement[]>();
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const stored = resource.Metadata?.[GUARD_METADATA_KEY] as
      | { rules_to_suppress?: GuardAcknowledgement[] }
      | undefined;
    if (stored?.rules_to_suppress?.length) acknowledgements.set(logicalId, stored.rules_to_suppress);
  }
  return acknowledgements;
}

/** Runs the controls and sorts the findings into open and acknowledged; names stale acknowledgements. */
export function reviewControlTowerFindings(app: IConstruct, templatePath: string): GuardReview {
  const findings = controlTowerFindings(app, templatePath);
  const acknowledgements = guardAcknowledgements(templatePath);
  const isAcknowledged = (finding: GuardFinding) =>
    (acknowledgements.get(finding.logicalId) ?? []).some(({ id }) => id === finding.control);
  const stale = [...acknowledgements].flatMap(([logicalId, list]) =>
    list
      .filter(
        ({ id }) => !findings.some((finding) => finding.logicalId === logicalId && finding.control === id),
      )
      .map(({ id }) => ({ logicalId, id })),
  );
  return {
    open: findings.filter((finding) => !isAcknowledged(finding)),
    acknowledged: findings.filter(isAcknowledged),
    stale,
  };
}
