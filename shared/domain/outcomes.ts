import reference from '../../config/outcome-codes.json' with { type: 'json' };

/**
 * What a partner may see of a signal (DESIGN C4): never the reason, never the notes.
 * `fout-bij-verwerking`: accepted, but the service could not store it after every try (I1) — the
 * partner may send it again; the service team sees the error code.
 */
export type PartnerFeedback = 'ontvangen' | 'opgepakt' | 'niet-opgepakt' | 'afgerond' | 'fout-bij-verwerking';

export const PROCESSING_FAILED: PartnerFeedback = 'fout-bij-verwerking';

export interface OutcomeCode {
  readonly code: string;
  readonly label: string;
  readonly partner: PartnerFeedback;
  /**
   * The DDAS v1.2 `EnumEindresultaat` value this code is delivered as (DESIGN X2); null for a code of
   * our own that never reaches a vroegsignaal (C2: `niet-opgepakt-geen-toestemming`,
   * `doorgezet-veilig-thuis`).
   */
  readonly ddas: string | null;
}

export const OUTCOME_CODES: readonly OutcomeCode[] = reference.outcomes.map((outcome) => ({
  ...outcome,
  partner: outcome.partner as PartnerFeedback,
}));

const byCode = new Map(OUTCOME_CODES.map((outcome) => [outcome.code, outcome]));

/** DESIGN O1: closing needs a code from the national DDAS list. */
export function outcomeCode(code: string): OutcomeCode | undefined {
  return byCode.get(code);
}

export const OUTCOME = {
  notRoutedNoConsent: 'niet-opgepakt-geen-toestemming',
  forwardedToVeiligThuis: 'doorgezet-veilig-thuis',
} as const;
