import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from './resources.ts';

/**
 * One logger, metrics and tracer per function, created once at module scope. DESIGN P2: log ids and
 * codes only — handlers never log events, bodies or stored items, and the tracer never records
 * responses or error messages (both may hold personal data).
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });
export const metrics = new Metrics({ namespace: 'Buurtsignaal', serviceName: SERVICE_NAME });
export const tracer = new Tracer({ serviceName: SERVICE_NAME, captureHTTPsRequests: false });
