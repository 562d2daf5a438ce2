/**
 * The TRAQ form sections in form order (data-model §6.1), for the summary rendering used
 * when no template is configured. Nested groups are written `group.field`.
 */
export interface SummarySection {
  id: string;
  title: string;
  /** Scalar fields (dotted paths inside the section). */
  fields?: string[];
  /** Table sections: the array's path inside the section and its columns. */
  table?: { path: string | null; columns: string[] };
}

export const SUMMARY_SECTIONS: SummarySection[] = [
  {
    id: 'client_tree_details',
    title: 'Client and Tree Details',
    fields: ['client', 'date', 'time', 'address_tree_location', 'tree_number', 'sheet', 'of', 'tree_species', 'dbh', 'height', 'crown_spread_dia', 'assessors', 'time_frame', 'tools_used'],
  },
  { id: 'target_assessment', title: 'Target Assessment', table: { path: 'targets', columns: ['target_number', 'label', 'zone_within_drip_line', 'zone_within_1x_height', 'zone_within_1_5x_height', 'occupancy_rate', 'practical_to_move', 'restriction_practical'] } },
  {
    id: 'site_factors',
    title: 'Site Factors',
    fields: [
      'history_of_failures', 'topography.flat', 'topography.slope', 'topography.slope_percent', 'topography.aspect',
      'site_changes.none', 'site_changes.grade_change', 'site_changes.site_clearing', 'site_changes.changed_soil_hydrology', 'site_changes.root_cuts', 'site_changes.landscape_environment',
      'soil_conditions.limited_volume', 'soil_conditions.saturated', 'soil_conditions.shallow', 'soil_conditions.compacted', 'soil_conditions.pavement_over_roots', 'soil_conditions.percent', 'soil_conditions.describe',
      'prevailing_wind_direction', 'common_weather.strong_winds', 'common_weather.ice', 'common_weather.snow', 'common_weather.heavy_rain', 'common_weather.describe',
    ],
  },
  {
    id: 'tree_health_and_species',
    title: 'Tree Health and Species Profile',
    fields: ['vigor', 'foliage.none_seasonal', 'foliage.none_dead', 'foliage.normal_percent', 'foliage.chlorotic_percent', 'foliage.necrotic_percent', 'pests', 'abiotic', 'species_failure_profile.branches', 'species_failure_profile.trunk', 'species_failure_profile.roots', 'species_failure_profile.describe'],
  },
  {
    id: 'load_factors',
    title: 'Load Factors',
    fields: ['wind_exposure', 'wind_funneling', 'wind_funneling_notes', 'relative_crown_size', 'crown_density', 'interior_branches_density', 'vines_mistletoe_moss_present', 'vines_mistletoe_moss_notes', 'recent_change_in_load_factors'],
  },
  {
    id: 'crown_and_branches',
    title: 'Crown and Branches',
    fields: [
      'unbalanced_crown', 'lcr_percent', 'cracks', 'cracks_notes', 'lightning_damage', 'dead_twigs', 'dead_twigs_percent', 'dead_twigs_max_dia', 'codominant', 'codominant_notes', 'included_bark',
      'broken_hangers_number', 'broken_hangers_max_dia', 'weak_attachments', 'weak_attachments_notes', 'cavity_nest_hole_percent', 'over_extended_branches', 'previous_branch_failures', 'previous_branch_failures_notes',
      'similar_branches_present', 'dead_missing_bark', 'cankers_galls_burls', 'sapwood_damage_decay', 'conks', 'heartwood_decay', 'heartwood_decay_notes', 'response_growth',
      'pruning_history.crown_cleaned', 'pruning_history.thinned', 'pruning_history.raised', 'pruning_history.reduced', 'pruning_history.topped', 'pruning_history.lion_tailed', 'pruning_history.flush_cuts', 'pruning_history.other',
      'main_concerns', 'load_on_defect', 'load_on_defect_notes', 'likelihood_of_failure', 'likelihood_of_failure_notes',
    ],
  },
  {
    id: 'trunk',
    title: 'Trunk',
    fields: [
      'dead_missing_bark', 'abnormal_bark_texture_color', 'codominant_stems', 'included_bark', 'cracks', 'sapwood_damage_decay', 'cankers_galls_burls', 'sap_ooze', 'lightning_damage', 'heartwood_decay',
      'conks_mushrooms', 'cavity_nest_hole_percent', 'cavity_nest_hole_depth', 'poor_taper', 'lean_degrees', 'lean_corrected', 'response_growth', 'main_concerns', 'load_on_defect', 'likelihood_of_failure',
    ],
  },
  {
    id: 'roots_and_root_collar',
    title: 'Roots and Root Collar',
    fields: [
      'collar_buried_not_visible', 'collar_depth', 'stem_girdling', 'dead', 'decay', 'conks_mushrooms', 'ooze', 'cavity', 'cavity_percent', 'cracks', 'cut_damaged_roots', 'distance_from_trunk',
      'root_plate_lifting', 'soil_weakness', 'response_growth', 'main_concerns', 'load_on_defect', 'likelihood_of_failure',
    ],
  },
  { id: 'risk_categorization', title: 'Risk Categorization', table: { path: null, columns: ['condition_number', 'tree_part', 'condition', 'part_size', 'fall_distance', 'target_number', 'target_protection', 'failure_likelihood', 'impact_likelihood', 'failure_and_impact', 'consequences', 'risk_rating'] } },
  { id: 'notes_explanations_descriptions', title: 'Notes, Explanations, Descriptions', fields: ['notes'] },
  { id: 'mitigation_options', title: 'Mitigation Options', table: { path: 'options', columns: ['option', 'residual_risk'] } },
  {
    id: 'summary',
    title: 'Overall Risk, Priority and Status',
    fields: [
      'overall_tree_risk_rating.rating', 'work_priority.priority', 'overall_residual_risk.rating', 'recommended_inspection_interval.text', 'data_status.status',
      'advanced_assessment_needed.needed', 'advanced_assessment_type_reason.text', 'inspection_limitations.none', 'inspection_limitations.visibility', 'inspection_limitations.access',
      'inspection_limitations.vines', 'inspection_limitations.root_collar_buried', 'inspection_limitations_describe.text',
    ],
  },
];

/** Unit suffixes drawn after bare numbers (data-model §6.1 "PDF" column). */
export const UNIT_SUFFIX: Record<string, string> = {
  'client_tree_details.dbh': '"',
  'client_tree_details.height': "'",
  'client_tree_details.crown_spread_dia': "'",
  'crown_and_branches.dead_twigs_max_dia': '"',
  'crown_and_branches.broken_hangers_max_dia': '"',
  'trunk.cavity_nest_hole_depth': '"',
  'roots_and_root_collar.collar_depth': '"',
  'roots_and_root_collar.distance_from_trunk': "'",
};

const LABELS: Record<string, string> = {
  dbh: 'DBH',
  of: 'Of (sheets)',
  lcr_percent: 'LCR %',
  crown_spread_dia: 'Crown spread dia.',
  zone_within_drip_line: 'Within drip line',
  zone_within_1x_height: 'Within 1x Ht.',
  zone_within_1_5x_height: 'Within 1.5x Ht.',
  none_seasonal: 'None (seasonal)',
  none_dead: 'None (dead)',
  address_tree_location: 'Address / tree location',
};

/** A readable label for a field key: `dead_twigs_max_dia` → `Dead twigs max dia`. */
export function fieldLabel(path: string): string {
  const key = path.split('.').at(-1)!;
  // Single-value sections (`overall_tree_risk_rating.rating`) are named by their section.
  if (['rating', 'priority', 'text', 'status', 'needed'].includes(key) && path.includes('.')) {
    const name = path.split('.')[0]!.replace(/_/g, ' ');
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  const words = (LABELS[key] ?? key.replace(/_percent$/, ' %').replace(/_/g, ' ')).trim();
  const group = path.includes('.') ? `${path.split('.')[0]!.replace(/_/g, ' ')}: ` : '';
  const text = `${group}${words}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The value at a dotted path with `[i]` indices (`target_assessment.targets[0].label`). */
export function valueAt(data: unknown, jsonPath: string): unknown {
  let cur: unknown = data;
  for (const part of jsonPath.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[m[1]!] : undefined;
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) cur = Array.isArray(cur) ? cur[Number(idx[1])] : undefined;
  }
  return cur;
}

/** The text a value prints as, with its unit for bare numbers; null when there is nothing to print. */
export function displayText(value: unknown, jsonPath: string): string | null {
  let text: string;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') text = value.replace(/\s+/g, ' ').trim();
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'Yes' : 'No';
  else return null;
  if (text === '') return null;
  const unit = UNIT_SUFFIX[jsonPath];
  if (unit && /^\d+(\.\d+)?(-\d+(\.\d+)?)?$/.test(text)) text += unit;
  return text;
}

