/**
 * The 20 TRAQ form sections (data-model §6.1), in form order. Each entry is
 * the one description its schemas, prompt and blank values derive from.
 */
import type { Fields, ValuesOf } from './fields.js';
import { crownAndBranches, rootsAndRootCollar, trunk } from './sections/defects.js';
import * as risk from './sections/risk.js';
import { siteFactors, targetAssessment } from './sections/site.js';
import { clientTreeDetails, loadFactors, treeHealthAndSpecies } from './sections/tree.js';

export const SECTIONS = {
  client_tree_details: clientTreeDetails,
  target_assessment: targetAssessment,
  site_factors: siteFactors,
  tree_health_and_species: treeHealthAndSpecies,
  load_factors: loadFactors,
  crown_and_branches: crownAndBranches,
  trunk,
  roots_and_root_collar: rootsAndRootCollar,
  risk_categorization: risk.riskCategorization,
  notes_explanations_descriptions: risk.notesExplanationsDescriptions,
  mitigation_options: risk.mitigationOptions,
  overall_tree_risk_rating: risk.overallTreeRiskRating,
  work_priority: risk.workPriority,
  overall_residual_risk: risk.overallResidualRisk,
  recommended_inspection_interval: risk.recommendedInspectionInterval,
  data_status: risk.dataStatus,
  advanced_assessment_needed: risk.advancedAssessmentNeeded,
  advanced_assessment_type_reason: risk.advancedAssessmentTypeReason,
  inspection_limitations: risk.inspectionLimitations,
  inspection_limitations_describe: risk.inspectionLimitationsDescribe,
} as const satisfies Record<string, { fields: Fields; prompt: string }>;

export type SectionId = keyof typeof SECTIONS;
export const SECTION_IDS = Object.keys(SECTIONS) as SectionId[];
export const isSectionId = (s: string): s is SectionId => Object.hasOwn(SECTIONS, s);

/** What the extractor of a section returns (before merging), without `section_id`. */
export type SectionAnswer<S extends SectionId = SectionId> = ValuesOf<(typeof SECTIONS)[S]['fields']>;
export type RiskRow = SectionAnswer<'risk_categorization'>['rows'][number];
