/** Defects by tree part: crown and branches, trunk, roots and root collar (data-model §6.1). */
import { bool, group, int, oneOf, pct, str } from '../fields.js';

const loadOnDefect = () => oneOf('n/a', 'minor', 'moderate', 'significant');
const likelihoodOfFailure = () => oneOf('improbable', 'possible', 'probable', 'imminent');

const PART_RULES = `- Booleans: true when the defect is present, false when the arborist says it is absent, null when not mentioned.
- Percentages whole numbers 0-100 without "%"; diameters and depths in inches, distances in feet, digits only.
- load_on_defect: n/a, minor, moderate or significant. likelihood_of_failure: improbable, possible, probable or
  imminent. Only when stated.`;

export const crownAndBranches = {
  fields: {
    unbalanced_crown: bool(),
    lcr_percent: pct(),
    cracks: bool(),
    cracks_notes: str(50),
    lightning_damage: bool(),
    dead_twigs: bool(),
    dead_twigs_percent: pct(),
    dead_twigs_max_dia: int(0),
    broken_hangers_number: int(0),
    broken_hangers_max_dia: int(0),
    over_extended_branches: bool(),
    pruning_history: group({
      crown_cleaned: bool(),
      thinned: bool(),
      raised: bool(),
      reduced: bool(),
      topped: bool(),
      lion_tailed: bool(),
      flush_cuts: bool(),
      other: str(30),
    }),
    codominant: bool(),
    codominant_notes: str(50),
    included_bark: bool(),
    weak_attachments: bool(),
    weak_attachments_notes: str(40),
    cavity_nest_hole_percent: pct(),
    previous_branch_failures: bool(),
    previous_branch_failures_notes: str(30),
    similar_branches_present: bool(),
    dead_missing_bark: bool(),
    cankers_galls_burls: bool(),
    sapwood_damage_decay: bool(),
    conks: bool(),
    heartwood_decay: bool(),
    heartwood_decay_notes: str(40),
    response_growth: str(70),
    main_concerns: str(215),
    load_on_defect: loadOnDefect(),
    load_on_defect_notes: str(70),
    likelihood_of_failure: likelihoodOfFailure(),
    likelihood_of_failure_notes: str(70),
  },
  prompt: `Memory aides: unbalanced crown; LCR (live crown ratio) %; dead twigs/branches (% overall, max diameter); broken/hangers
(number, max diameter); over-extended branches; pruning history: crown cleaned, thinned, raised, reduced, topped,
lion-tailed, flush cuts, other; cracks; lightning damage; codominant; included bark; weak attachments; cavity/nest
hole % circumference; previous branch failures; similar branches present; dead/missing bark; cankers/galls/burls;
sapwood damage/decay; conks; heartwood decay; response growth; main concern(s); load on defect; likelihood of failure.
Rules:
${PART_RULES}
- Notes fields: short text as stated (cracks_notes and codominant_notes 50 characters, weak_attachments_notes and
  heartwood_decay_notes 40, previous_branch_failures_notes 30, response_growth 70, main_concerns 215).`,
} as const;

export const trunk = {
  fields: {
    dead_missing_bark: bool(),
    abnormal_bark_texture_color: bool(),
    codominant_stems: bool(),
    included_bark: bool(),
    cracks: bool(),
    sapwood_damage_decay: bool(),
    cankers_galls_burls: bool(),
    sap_ooze: bool(),
    lightning_damage: bool(),
    heartwood_decay: bool(),
    conks_mushrooms: bool(),
    cavity_nest_hole_percent: pct(),
    cavity_nest_hole_depth: int(0),
    poor_taper: bool(),
    lean_degrees: int(0),
    lean_corrected: str(40),
    response_growth: str(40),
    main_concerns: str(88),
    load_on_defect: loadOnDefect(),
    likelihood_of_failure: likelihoodOfFailure(),
  },
  prompt: `Memory aides: dead/missing bark; abnormal bark texture/color; codominant stems; included bark; cracks; sapwood
damage/decay; cankers/galls/burls; sap ooze; lightning damage; heartwood decay; conks/mushrooms; cavity/nest hole %
circumference and depth; poor taper; lean (degrees, corrected?); response growth; main concern(s); load on defect;
likelihood of failure.
Rules:
${PART_RULES}
- lean_corrected and response_growth at most 40 characters; main_concerns at most 88.`,
} as const;

export const rootsAndRootCollar = {
  fields: {
    collar_buried_not_visible: bool(),
    collar_depth: int(0),
    stem_girdling: bool(),
    dead: bool(),
    decay: bool(),
    conks_mushrooms: bool(),
    ooze: bool(),
    cavity: bool(),
    cavity_percent: pct(),
    cracks: bool(),
    cut_damaged_roots: bool(),
    distance_from_trunk: int(0),
    root_plate_lifting: bool(),
    soil_weakness: bool(),
    response_growth: str(40),
    main_concerns: str(88),
    load_on_defect: loadOnDefect(),
    likelihood_of_failure: likelihoodOfFailure(),
  },
  prompt: `Memory aides: collar buried/not visible (depth); stem girdling; dead; decay; conks/mushrooms; ooze; cavity (%
circumference); cracks; cut/damaged roots (distance from trunk); root plate lifting; soil weakness; response growth;
main concern(s); load on defect; likelihood of failure.
Rules:
${PART_RULES}
- collar_depth in inches, distance_from_trunk in feet. response_growth at most 40 characters; main_concerns 88.`,
} as const;
