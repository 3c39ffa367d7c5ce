import { LogFormatter, Logger, LogItem } from '@aws-lambda-powertools/logger';
import type {
  ConstructorOptions,
  LogAttributes,
  UnformattedAttributes,
} from '@aws-lambda-powertools/logger/types';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { redactLogValue } from './log-redaction.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from './resources.ts';

/**
 * The Powertools log format, with every entry run through the redaction of log-redaction.ts first:
 * a handler that logs a signal, a household or an error quoting its input by accident still writes
 * no personal data (DESIGN P2). The standard keys (level, timestamp, service, function_request_id,
 * xray_trace_id, cold_start, …) come from Powertools and the Lambda context and stay as they are.
 */
class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    const standard = {
      level: attributes.logLevel,
      message: this.#redact(attributes.message),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: context?.coldStart,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      sampling_rate: attributes.sampleRateValue,
      xray_trace_id: attributes.xRayTraceId,
      tenant_id: context?.tenantId,
    };
    return new LogItem({ attributes: standard }).addAttributes(this.#redact(additional) as LogAttributes);
  }

  /** Powertools also formats errors while writing the entry; those pass the redaction too. */
  override formatError(error: Error): LogAttributes {
    return this.#redact(error) as LogAttributes;
  }

  #redact(value: unknown): unknown {
    return redactLogValue(value, { formatError: (error) => super.formatError(error) });
  }
}

/**
 * A logger that never logs the invocation event, whatever `injectLambdaContext({ logEvent })` or
 * POWERTOOLS_LOGGER_LOG_EVENT say: an event holds the request body, and with it names, addresses
 * and BSNs (DESIGN P2). Powertools reads the variable at construction, so it is overruled here
 * rather than trusted to be unset.
 */
class NoEventLogger extends Logger {
  override getLogEvent(): boolean {
    return false;
  }

  override shouldLogEvent(): boolean {
    return false;
  }

  override logEventIfEnabled(): void {}

  protected override createLogger(options?: ConstructorOptions): Logger {
    return new NoEventLogger(options);
  }
}

/**
 * Metrics that check POWERTOOLS_METRICS_DISABLED when they flush, not only when created: Powertools
 * reads it in its constructor, and the local runtime's own imports load this module before the
 * runtime sets the variable, so locally it never took effect. On Lambda it is unset: no change.
 */
class SwitchableMetrics extends Metrics {
  override publishStoredMetrics(): this {
    if (process.env.POWERTOOLS_METRICS_DISABLED !== 'true') return super.publishStoredMetrics();
    this.clearMetrics();
    this.clearDimensions();
    this.clearMetadata();
    return this;
  }
}

/**
 * One logger and metrics per function, created once at module scope. DESIGN P2: log ids and codes
 * only — handlers never log events, bodies or stored items, and the classes above make sure that a
 * mistake does not reach the logs either.
 *
 * No Powertools tracer (issue 13): loading the X-Ray SDK cost some 75 ms of every cold start, and
 * Lambda's active tracing (infra/constructs/service-function.ts) already records each invocation,
 * its initialisation and its errors. The traces now hold nothing the service wrote into them, so
 * no personal data can reach X-Ray either.
 */
export const logger: Logger = new NoEventLogger({
  serviceName: SERVICE_NAME,
  logFormatter: new RedactingLogFormatter(),
});
export const metrics: Metrics = new SwitchableMetrics({
  namespace: METRICS_NAMESPACE,
  serviceName: SERVICE_NAME,
});
