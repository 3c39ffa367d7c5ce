import { CfnCondition, Duration, Fn, Stack } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSubscription, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, type QueueName, SERVICE_NAME } from '../../shared/resources.ts';
import type { FunctionDefinition } from '../function-catalog.ts';
import type { MonitoredQueue } from './monitored-queue.ts';

export interface MonitoringProps {
  /** The customer-managed key; the alarm topic is encrypted with it. */
  readonly encryptionKey: Key;
  /** Where alarm mails go: one address, or '' for none (the stack's `AlarmEmail` parameter). */
  readonly alarmEmail: string;
  readonly queues: Readonly<Record<QueueName, MonitoredQueue>>;
  readonly functions: Readonly<Record<string, IFunction>>;
  /** The function catalog, to tell API functions, queue consumers and scheduled jobs apart. */
  readonly catalog: readonly FunctionDefinition[];
  readonly stage: HttpStage;
  /** The stack's alarm on overdue first contacts; its threshold is drawn on the dashboard. */
  readonly overdueAlarm: Alarm;
}

/** The API's 5xx rate that raises the alarm, in percent of the requests of five minutes. */
const API_5XX_PERCENT = 5;
/** Below this many requests in five minutes the rate is not judged: two failures of three are no trend. */
const API_MIN_REQUESTS = 10;

/**
 * The operator's view of the service (docs/operations.md): an SNS topic every alarm of the stack
 * notifies on ALARM and on OK, the alarms a careful operator expects besides the queues' own, and a
 * dashboard. Created last in the stack, because it wires every alarm the stack has by then.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly apiServerErrorAlarm: Alarm;
  readonly routerErrorAlarm: Alarm;
  readonly routerThrottleAlarm: Alarm;
  readonly scheduledJobErrorAlarm: Alarm;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { account, partition, region } = stack;
    const alarmName = (suffix: string) => `${stack.stackName}-${suffix}`;
    const fn = (functionId: string): IFunction => {
      const found = props.functions[functionId];
      if (!found) throw new Error(`Monitoring: no function ${functionId}`);
      return found;
    };

    // Encrypted like everything else (an alarm names queues and counts, no personal data, but the
    // topic's policy and key decide who may publish). CloudWatch is a service principal: the
    // account-root statement of the key policy does not cover it, so without the key statement
    // below every notification would be dropped, visible only in the alarm's history.
    this.alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'Buurtsignaal alarmen',
      masterKey: props.encryptionKey,
      enforceSSL: true,
    });
    // CloudWatch alarms of this account only (AWS re:Post "cloudwatch-receive-sns-for-alarm-trigger").
    this.alarmTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccount',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': account },
          ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
        },
      }),
    );
    // The statement AWS documents for alarms on a topic with a customer-managed key ("Allow_
    // CloudWatch_for_CMK"); who may publish is narrowed by the topic policy above.
    props.encryptionKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    // One address (a team mailbox, not a person), given at deploy: `--parameters AlarmEmail=…`.
    // No subscription while it is empty; SNS mails a confirmation link to a new address first.
    const hasAlarmEmail = new CfnCondition(this, 'HasAlarmEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.alarmEmail, '')),
    });
    const subscription = new CfnSubscription(this, 'AlarmEmailSubscription', {
      topicArn: this.alarmTopic.topicArn,
      protocol: 'email',
      endpoint: props.alarmEmail,
    });
    subscription.cfnOptions.condition = hasAlarmEmail;

    // The API answers with 5xx (a handler's 500, a Lambda timeout or crash as 502/503/504) for more
    // than API_5XX_PERCENT of its requests in two of three five-minute windows. Teams cannot work and
    // partners' deliveries bounce (their clients retry; the idempotency keys keep that safe).
    this.apiServerErrorAlarm = new Alarm(this, 'ApiServerErrorAlarm', {
      alarmName: alarmName('api-5xx-rate'),
      alarmDescription: `Meer dan ${API_5XX_PERCENT}% van de API-verzoeken eindigt in een 5xx: zie de function-logs bij het request id uit de access log (docs/operations.md).`,
      metric: new MathExpression({
        expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * errors / requests, 0)`,
        usingMetrics: {
          errors: props.stage.metricServerError({ statistic: 'Sum', period: Duration.minutes(5) }),
          requests: props.stage.metricCount({ statistic: 'Sum', period: Duration.minutes(5) }),
        },
        period: Duration.minutes(5),
        label: 'API 5xx (%)',
      }),
      threshold: API_5XX_PERCENT,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // The router fails whole invocations (a crash, a timeout, the secret unreadable at cold start) in
    // two five-minute windows in a row. Records it fails one by one are not errors (partial batch
    // responses); these are, and the whole batch comes back: after five tries in the DLQ, so this
    // warns about ten minutes earlier and also for failures that a retry happens to fix.
    const router = fn('RouteSignals');
    this.routerErrorAlarm = router
      .metricErrors({ statistic: 'Sum', period: Duration.minutes(5) })
      .createAlarm(this, 'RouterErrorAlarm', {
        alarmName: alarmName('router-errors'),
        alarmDescription:
          'RouteSignals faalt als geheel (crash, time-out): signalen blijven in de wachtrij en gaan na vijf pogingen naar de DLQ (docs/operations.md).',
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    // Throttled router invocations (the account's concurrency is used up): the event source hands
    // the batch back, each try counts as a receive, and signals can reach the DLQ without the
    // handler ever running, so without SignalDeadLettered. Any throttle is worth a look.
    this.routerThrottleAlarm = router
      .metricThrottles({ statistic: 'Sum', period: Duration.minutes(5) })
      .createAlarm(this, 'RouterThrottleAlarm', {
        alarmName: alarmName('router-throttles'),
        alarmDescription:
          'RouteSignals wordt afgeknepen (concurrency op): signalen kunnen zonder verwerking naar de DLQ gaan (docs/operations.md).',
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });

    // The scheduled jobs fail silently otherwise: a failing sweep publishes no EscalationsDue, so
    // the overdue alarm sees nothing (missing data is not breaching) while no escalation goes out; a
    // failing reconciler leaves accepted intake unrouted; a failing purge keeps personal data past
    // its date (P1). Lambda retries a failed scheduled run twice, so three errors in a quarter of an
    // hour is one run failing all its tries (or three runs failing), not one passing fault.
    const scheduled = props.catalog.filter((definition) => definition.schedule);
    this.scheduledJobErrorAlarm = new Alarm(this, 'ScheduledJobErrorAlarm', {
      alarmName: alarmName('scheduled-job-errors'),
      alarmDescription: `Een geplande taak (${scheduled.map((definition) => definition.id).join(', ')}) faalt bij elke poging: zie haar log (docs/operations.md).`,
      metric: new MathExpression({
        expression: scheduled.map((_, index) => `job${index}`).join(' + '),
        usingMetrics: Object.fromEntries(
          scheduled.map((definition, index) => [
            `job${index}`,
            fn(definition.id).metricErrors({ statistic: 'Sum', period: Duration.minutes(15) }),
          ]),
        ),
        period: Duration.minutes(15),
        label: 'Fouten geplande taken',
      }),
      threshold: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    // Every alarm of the stack, including the queues' and the overdue alarm, mails on both edges:
    // ALARM to start work, OK to know it is over.
    const alarms = stack.node.findAll().filter((construct): construct is Alarm => construct instanceof Alarm);
    const notify = new SnsAction(this.alarmTopic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    this.dashboard = this.createDashboard(props, alarms, fn);
  }

  private createDashboard(
    props: MonitoringProps,
    alarms: readonly Alarm[],
    fn: (functionId: string) => IFunction,
  ): Dashboard {
    const queueNames = Object.keys(props.queues) as QueueName[];
    const hourly = Duration.hours(1);
    // The handlers' Powertools metrics: namespace Buurtsignaal, the one dimension `service`.
    const custom = (metricName: string, label: string, period = hourly): Metric =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period,
        label,
      });
    const graph = (
      title: string,
      left: IMetric[],
      extra: Partial<ConstructorParameters<typeof GraphWidget>[0]> = {},
    ) => new GraphWidget({ title, left, width: 12, height: 6, ...extra });
    const apiFunctions = props.catalog.filter((definition) => definition.operations?.length);
    const workers = props.catalog.filter((definition) => definition.consumes || definition.schedule);

    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: Stack.of(this).stackName,
      defaultInterval: Duration.days(7),
    });
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarmen', alarms: [...alarms], width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      // Per source as the handlers count it: the police's accepted care reports, the housing
      // corporations' and Werk & Inkomen's deliveries (calls of their intake functions), and the rows
      // those two sent (PartnerRowsReceived has no source dimension, so it is their sum).
      graph(
        'Instroom per bron',
        [
          custom('CareReportAccepted', 'Politie: zorgmeldingen aangenomen'),
          fn('SubmitRentArrears').metricInvocations({
            period: hourly,
            label: 'Woningcorporaties: huurachterstandlijsten',
          }),
          fn('SubmitEnergyDebts').metricInvocations({
            period: hourly,
            label: 'Werk & Inkomen: energieschuldbatches',
          }),
        ],
        { right: [custom('PartnerRowsReceived', 'Rijen ontvangen (beide partners)')] },
      ),
      graph('Gerouteerd', [
        custom('SignalRouted', 'Naar een team'),
        custom('SignalNotRouted', 'Niet gerouteerd'),
        custom('SignalUpdated', 'Bijgewerkt (I5)'),
        custom('SignalRedelivered', 'Al gerouteerd (herbezorging)'),
      ]),
    );
    dashboard.addWidgets(
      graph(
        'Te laat: escalaties',
        [
          custom('EscalationsDue', 'Escalaties verschuldigd (sweep)'),
          custom('EscalatedLevel1', 'Niveau 1 (coördinator)'),
          custom('EscalatedLevel2', 'Niveau 2 (manager)'),
          custom('EscalatedLevel3', 'Niveau 3 (gemeente)'),
        ],
        { leftAnnotations: [props.overdueAlarm.toAnnotation()] },
      ),
      graph(
        'Dead-letter queues',
        queueNames.map((name) =>
          props.queues[name].deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            statistic: 'Maximum',
            period: Duration.minutes(5),
            label: `${name}-dlq`,
          }),
        ),
      ),
    );
    dashboard.addWidgets(
      graph(
        'Wachtrijen: oudste bericht (s)',
        queueNames.map((name) =>
          props.queues[name].queue.metricApproximateAgeOfOldestMessage({
            statistic: 'Maximum',
            period: Duration.minutes(5),
            label: name,
          }),
        ),
      ),
      graph(
        'Fouten: API',
        [
          props.stage.metricServerError({
            statistic: 'Sum',
            period: Duration.minutes(5),
            label: '5xx (API Gateway)',
          }),
          props.stage.metricClientError({
            statistic: 'Sum',
            period: Duration.minutes(5),
            label: '4xx (API Gateway)',
          }),
          custom('Responses5xx', '5xx (handlers)', Duration.minutes(5)),
        ],
        { right: [this.apiServerErrorAlarm.metric] },
      ),
    );
    dashboard.addWidgets(
      graph('Fouten: verwerkers en taken', [
        ...workers.map((definition) =>
          fn(definition.id).metricErrors({ period: Duration.minutes(5), label: `${definition.id} fouten` }),
        ),
        ...workers
          .filter((definition) => definition.consumes)
          .map((definition) =>
            fn(definition.id).metricThrottles({
              period: Duration.minutes(5),
              label: `${definition.id} afgeknepen`,
            }),
          ),
      ]),
      // API Gateway's latency covers the whole request (authorizer included), per stage; the p95
      // duration of each API function shows which operation is slow, without paying for per-route
      // detailed metrics.
      graph('Latentie p95 per API', [
        props.stage.metricLatency({
          statistic: 'p95',
          period: Duration.minutes(5),
          label: 'API Gateway (alle routes)',
        }),
        ...apiFunctions.map((definition) =>
          fn(definition.id).metricDuration({
            statistic: 'p95',
            period: Duration.minutes(5),
            label: definition.id,
          }),
        ),
      ]),
    );
    return dashboard;
  }
}
