/** Risk rows, notes, mitigation and the single-value rating sections (data-model §6.1). */
import { bool, list, oneOf, str } from '../fields.js';

const rating = () => oneOf('low', 'moderate', 'high', 'extreme');

export const riskRow = {
  condition_number: str(),
  tree_part: str(),
  condition: str(),
  part_size: str(),
  fall_distance: str(),
  target_number: str(),
  target_protection: str(),
  failure_likelihood: oneOf('improbable', 'possible', 'probable', 'imminent'),
  impact_likelihood: oneOf('very_low', 'low', 'medium', 'high'),
  failure_and_impact: oneOf('unlikely', 'somewhat', 'likely', 'very_likely'),
  consequences: oneOf('negligible', 'minor', 'significant', 'severe'),
  risk_rating: rating(),
} as const;

/** Extracted as `{rows: Row[]}`; stored in the form as the bare array of rows. */
export const riskCategorization = {
  fields: { rows: list(riskRow, 12) },
  prompt: `Memory aides (risk categorization table): condition number, tree part, condition(s) of concern, part size, fall
distance, target number, target protection, likelihood of failure (improbable / possible / probable / imminent),
likelihood of impact (very low / low / medium / high), failure and impact (unlikely / somewhat likely / likely /
very likely), consequences (negligible / minor / significant / severe), risk rating (low / moderate / high / extreme).
Rules:
- A row only for a condition the arborist actually rates; do not create rows from general remarks. At most 12.
- condition_number and target_number: digits as strings ("1"). tree_part: Crown, Trunk or Roots.
- part_size in inches with '"' (e.g. 1-2"); fall_distance in feet with "'" (e.g. 40').
- Use the enum spellings above with underscores (very_low, very_likely).`,
} as const;

export const notesExplanationsDescriptions = {
  fields: { notes: str(230) },
  prompt: `Memory aides: notes, explanations, descriptions.
Rules:
- notes: the arborist's general notes, close to verbatim, in at most 230 characters.`,
} as const;

export const mitigationOptions = {
  fields: { options: list({ option: str(), residual_risk: rating() }, 4) },
  prompt: `Memory aides: mitigation options, each with its residual risk (low / moderate / high / extreme).
Rules:
- At most 1 option per recording: the mitigation the arborist states, as said, with its residual risk when given.`,
} as const;

export const overallTreeRiskRating = {
  fields: { rating: rating() },
  prompt: 'Memory aides: overall tree risk rating low / moderate / high / extreme.\nRules:\n- Only when stated.',
} as const;

export const workPriority = {
  fields: { priority: oneOf('1', '2', '3', '4') },
  prompt: 'Memory aides: work priority 1, 2, 3 or 4.\nRules:\n- The digit as a string ("1"), only when stated.',
} as const;

export const overallResidualRisk = {
  fields: { rating: rating() },
  prompt: 'Memory aides: overall residual risk low / moderate / high / extreme.\nRules:\n- Only when stated.',
} as const;

export const recommendedInspectionInterval = {
  fields: { text: str(30) },
  prompt: 'Memory aides: recommended inspection interval.\nRules:\n- text: the interval as said, e.g. "18 months"; at most 30 characters.',
} as const;

export const dataStatus = {
  fields: { status: oneOf('final', 'preliminary') },
  prompt: 'Memory aides: data final / preliminary.\nRules:\n- Only when stated.',
} as const;

export const advancedAssessmentNeeded = {
  fields: { needed: oneOf('yes', 'no') },
  prompt: 'Memory aides: advanced assessment needed yes / no.\nRules:\n- Only when stated.',
} as const;

export const advancedAssessmentTypeReason = {
  fields: { text: str(40) },
  prompt: 'Memory aides: type of advanced assessment and reason.\nRules:\n- text at most 40 characters.',
} as const;

export const inspectionLimitations = {
  fields: { none: bool(), visibility: bool(), access: bool(), vines: bool(), root_collar_buried: bool() },
  prompt: `Memory aides: inspection limitations: none, visibility, access, vines, root collar buried.
Rules:
- none is true only when the arborist says there were no limitations; if any limitation is true, none is false.`,
} as const;

export const inspectionLimitationsDescribe = {
  fields: { text: str(40) },
  prompt: 'Memory aides: describe the inspection limitations.\nRules:\n- text at most 40 characters.',
} as const;
