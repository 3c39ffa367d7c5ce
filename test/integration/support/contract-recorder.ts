import { buildOpenApiDocument } from '../../../shared/api/openapi.ts';
import { type ContractCheck, contractCheck, type RecordedAnswer } from '../../support/openapi-answers.ts';

// Every answer the integration tests receive through the API client (test-runtime.ts) is checked
// against the OpenAPI document: a status the operation does not declare, an undeclared content
// type or a body that does not match the schema is a violation. The setup file
// (setup/contract-answers.ts) fails the test that received it. The document is the one
// GET /openapi.json serves; test/integration/openapi-contract.test.ts checks they are the same.

let check: ContractCheck | undefined;
const violations: string[] = [];

export function recordAnswer(answer: RecordedAnswer): void {
  check ??= contractCheck(buildOpenApiDocument());
  violations.push(...check(answer));
}

/** The violations since the last call, and forgets them. */
export function takeViolations(): string[] {
  return violations.splice(0);
}
