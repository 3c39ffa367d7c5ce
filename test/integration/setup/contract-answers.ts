import { afterEach } from 'vitest';
import { takeViolations } from '../support/contract-recorder.ts';

// Fails a test whose requests got an answer the OpenAPI document does not describe
// (support/contract-recorder.ts): the contract is what clients generate their code from.
afterEach(() => {
  const violations = takeViolations();
  if (violations.length > 0) {
    throw new Error(`Answers that do not match GET /openapi.json:\n${violations.join('\n')}`);
  }
});
