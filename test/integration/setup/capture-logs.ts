import { afterAll, expect } from 'vitest';
import { samplePersonalData } from '../../support/samples.ts';
import { capturedLogs, installLogCapture } from '../support/log-capture.ts';

// Every integration test file runs with its output captured; when the file is done, none of the
// samples' personal data may appear in what the handlers and the runtime wrote (DESIGN P2).
installLogCapture();

afterAll(() => {
  const logs = capturedLogs();
  for (const value of samplePersonalData()) {
    expect(logs, `personal data in the logs: ${value}`).not.toContain(value);
  }
});
