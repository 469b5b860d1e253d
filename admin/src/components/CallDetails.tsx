import { Badge, Box, Flex, Grid, GridItem, Typography } from '@strapi/design-system';

import { OWN_CALL_ATTRIBUTES } from '../../../shared/contracts/calls';
import type { CallRecord, FlowStep } from '../api/types';
import { useDateFormat } from '../hooks/useDateFormat';
import { useT } from '../hooks/useT';
import { attributeWords } from '../utils/attributeWords';
import { browserTimeZone, formatDuration } from '../utils/time';

import { BotKindBadge } from './BotKindBadge';
import { notRecordedSentence } from './notRecordedSentence';

/** Attributes the plugin owns; anything else on the record was added by a developer. */
const OWN_ATTRIBUTES: ReadonlySet<string> = new Set(OWN_CALL_ATTRIBUTES);

// How Strapi answers a datetime attribute: ISO 8601 in UTC.
const UTC_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const display = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

const Field = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? <Typography>{children}</Typography> : children}
  </Flex>
);

/** A step's node type or result code: red on a sys_err that is not the benign quirk. */
const StepBadge = ({ failed, children }: { failed: boolean; children: string }) => (
  <Badge
    textColor={failed ? 'danger700' : 'neutral700'}
    backgroundColor={failed ? 'danger100' : 'neutral150'}
  >
    {children}
  </Badge>
);

// What callers said and bots replied is free text: its line breaks are shown.
const FREE_TEXT = { whiteSpace: 'pre-wrap' } as const;

/**
 * The flow trace, step by step. Which step is a sys_err, and which one is the benign
 * after-hang-up quirk, is the server's rule (server/src/domain/flow-trace.ts): the details
 * route marks every step, and the timeline only reads the marks.
 */
const Timeline = ({ steps }: { steps: FlowStep[] }) => {
  const dates = useDateFormat();
  const t = useT();
  return (
    <Box as="ol" aria-label={t('details.timeline', 'Flow trace')}>
      {steps.map((step) => {
        const benign = step.benign === true;
        const failed = step.sysErr === true && !benign;
        return (
          <Box
            as="li"
            key={`${step.seq}-${step.nodeId}`}
            data-benign={benign ? 'true' : undefined}
            data-failed={failed ? 'true' : undefined}
            paddingTop={3}
            paddingBottom={3}
            paddingLeft={4}
            borderColor={benign ? 'neutral200' : 'primary200'}
            style={{ borderLeftWidth: 3, borderLeftStyle: 'solid' }}
          >
            <Flex gap={3} wrap="wrap" alignItems="center">
              <Typography variant="pi" textColor="neutral600">
                {`#${step.seq}`}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {dates.time(step.at)}
              </Typography>
              <Typography fontWeight="bold">{step.nodeName ?? step.nodeId}</Typography>
              {step.nodeType && <StepBadge failed={failed}>{step.nodeType}</StepBadge>}
              {step.resultCode && <StepBadge failed={failed}>{step.resultCode}</StepBadge>}
              {benign && (
                <Typography variant="pi" textColor="neutral600" fontWeight="semiBold">
                  {t('details.benign', 'after hang-up — no business impact')}
                </Typography>
              )}
            </Flex>
            {step.userInput && (
              <Typography as="p" variant="omega" style={FREE_TEXT}>
                {`${t('details.userInput', 'User')}: ${step.userInput}`}
              </Typography>
            )}
            {step.botReply && (
              <Typography as="p" variant="omega" textColor="neutral700" style={FREE_TEXT}>
                {`${t('details.botReply', 'Bot')}: ${step.botReply}`}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
};

/**
 * Call Details: the call's data, developer-added attributes and the flow trace or why not. The
 * numbers come masked from the server; `revealAction` (the Reveal button, or the note that the
 * full numbers are shown) sits next to them.
 */
export const CallDetails = ({
  call,
  labels = {},
  revealAction,
}: {
  call: CallRecord;
  /** The labels developers gave the attributes they added (the details route's meta). */
  labels?: Record<string, string>;
  revealAction?: React.ReactNode;
}) => {
  const dates = useDateFormat();
  const t = useT();
  const custom = Object.entries(call).filter(([key]) => !OWN_ATTRIBUTES.has(key));
  // The details route answers values, not their types: read them the way they look.
  const displayAdded = (value: unknown): string => {
    if (typeof value === 'boolean') return value ? t('details.yes', 'Yes') : t('details.no', 'No');
    if (typeof value === 'string' && UTC_DATETIME.test(value)) return dates.dateTime(value);
    return display(value);
  };
  const sentence = notRecordedSentence(call, t);
  const steps = [...(call.flowTrace ?? [])].sort((a, b) => a.seq - b.seq);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Grid gap={5}>
        <GridItem col={4} s={6}>
          <Field label={t('results.callId', 'Call ID')}>{call.callId}</Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.callingNumber', 'Calling number')}>
            <Flex gap={2} wrap="wrap">
              <Typography>{call.callingNumber}</Typography>
              {revealAction}
            </Flex>
          </Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('details.calledNumber', 'Called number')}>
            {display(call.calledNumber)}
          </Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.accessCode', 'Access code')}>{call.accessCode}</Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.bot', 'Robot / IVR')}>{display(call.botName)}</Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.kind', 'Kind')}>
            <BotKindBadge kind={call.botKind} />
          </Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.start', 'Start')}>{dates.dateTime(call.startTime)}</Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.end', 'End')}>{dates.dateTime(call.endTime)}</Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.duration', 'Duration')}>
            {formatDuration(call.durationSeconds)}
          </Field>
        </GridItem>
        <GridItem col={4} s={6}>
          <Field label={t('results.endReason', 'End reason')}>{display(call.endReason)}</Field>
        </GridItem>
        {custom.map(([key, value]) => (
          <GridItem col={4} s={6} key={key}>
            <Field label={labels[key] ?? attributeWords(key)}>{displayAdded(value)}</Field>
          </GridItem>
        ))}
      </Grid>
      <Typography variant="pi" textColor="neutral600">
        {t('details.timeZone', 'Times in {zone}.', { zone: browserTimeZone() })}
      </Typography>
      <Box>
        <Box paddingBottom={2}>
          <Typography variant="delta" as="h3">
            {t('details.timeline', 'Flow trace')}
          </Typography>
        </Box>
        {sentence ? (
          <Typography as="p" textColor="neutral700">
            {sentence}
          </Typography>
        ) : steps.length === 0 ? (
          <Typography as="p" textColor="neutral700">
            {t('details.noSteps', 'Flow recording was on, but the platform sent no flow steps.')}
          </Typography>
        ) : (
          <Timeline steps={steps} />
        )}
      </Box>
    </Flex>
  );
};
