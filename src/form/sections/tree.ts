/** The tree itself: client/tree details, health and species, load factors (data-model §6.1). */
import { bool, group, int, oneOf, pct, str } from '../fields.js';

export const clientTreeDetails = {
  fields: {
    client: str(),
    date: str(),
    time: str(),
    address_tree_location: str(),
    tree_number: int(0),
    sheet: int(0),
    of: int(0),
    tree_species: str(),
    dbh: int(0),
    height: int(0),
    crown_spread_dia: int(0),
    assessors: str(),
    time_frame: str(),
    tools_used: str(),
  },
  prompt: `Memory aides (form header): client, date, time, address / tree location, tree number, sheet X of Y,
tree species, DBH (diameter at breast height), height, crown spread diameter, assessor(s), time frame, tools used.
Rules:
- tree_number, sheet, of, dbh, height, crown_spread_dia are whole numbers (digits only): dbh in inches, height and
  crown spread in feet. "Sheet one of two" gives sheet 1, of 2.
- date and time only when said; keep them as spoken (e.g. "03/24/2026", "10:30").
- assessors: names comma-separated. tools_used: as listed (e.g. "measuring tape, binoculars").
- tree_species: the species as said (Latin or common name).`,
} as const;

export const treeHealthAndSpecies = {
  fields: {
    vigor: oneOf('low', 'normal', 'high'),
    foliage: group({ none_seasonal: bool(), none_dead: bool(), normal_percent: pct(), chlorotic_percent: pct(), necrotic_percent: pct() }),
    pests: str(70),
    abiotic: str(70),
    species_failure_profile: group({ branches: bool(), trunk: bool(), roots: bool(), describe: str(100) }),
  },
  prompt: `Memory aides: vigor low / normal / high; foliage: none (seasonal), none (dead), normal %, chlorotic %, necrotic %;
pests; abiotic; species failure profile: branches, trunk, roots, describe.
Rules:
- Percentages are whole numbers 0-100 without "%".
- pests and abiotic: short text as stated ("No pests observed" when explicitly none); at most 70 characters.
- species_failure_profile booleans true for the parts the arborist names as this species' known failure pattern;
  describe at most 100 characters.`,
} as const;

export const loadFactors = {
  fields: {
    wind_exposure: oneOf('protected', 'partial', 'full'),
    wind_funneling: bool(),
    wind_funneling_notes: str(40),
    relative_crown_size: oneOf('small', 'medium', 'large'),
    crown_density: oneOf('sparse', 'normal', 'dense'),
    interior_branches_density: oneOf('few', 'normal', 'dense'),
    vines_mistletoe_moss_present: bool(),
    vines_mistletoe_moss_notes: str(50),
    recent_change_in_load_factors: str(70),
  },
  prompt: `Memory aides: wind exposure protected / partial / full; wind funneling (and where); relative crown size small /
medium / large; crown density sparse / normal / dense; interior branches few / normal / dense; vines, mistletoe or
moss present; recent or expected change in load factors.
Rules:
- Choose enum values only when stated. Notes are short: wind_funneling_notes at most 40 characters,
  vines_mistletoe_moss_notes 50, recent_change_in_load_factors 70.`,
} as const;
