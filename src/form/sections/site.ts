/** Where the tree stands: site factors and targets (data-model §6.1). */
import { bool, group, list, pct, str, int } from '../fields.js';

export const siteFactors = {
  fields: {
    history_of_failures: str(),
    topography: group({ flat: bool(), slope: bool(), slope_percent: pct(), aspect: str() }),
    site_changes: group({
      none: bool(),
      grade_change: bool(),
      site_clearing: bool(),
      changed_soil_hydrology: bool(),
      root_cuts: bool(),
      landscape_environment: str(30),
    }),
    soil_conditions: group({
      limited_volume: bool(),
      saturated: bool(),
      shallow: bool(),
      compacted: bool(),
      pavement_over_roots: bool(),
      percent: pct(),
      describe: str(30),
    }),
    prevailing_wind_direction: str(),
    common_weather: group({ strong_winds: bool(), ice: bool(), snow: bool(), heavy_rain: bool(), describe: str(30) }),
  },
  prompt: `Memory aides: history of failures; topography flat / slope (percent) / aspect; site changes: none, grade change,
site clearing, changed soil hydrology, root cuts, landscape environment; soil conditions: limited volume, saturated,
shallow, compacted, pavement over roots (percent), describe; prevailing wind direction; common weather: strong
winds, ice, snow, heavy rain, describe.
Rules:
- history_of_failures: as stated; "No history of failures" when the arborist says there is none.
- Irrigation or drainage changes mean changed_soil_hydrology true. If any site change is true, site_changes.none is
  false; none is true only when the arborist says there are no site changes.
- landscape_environment: the setting in at most 30 characters (e.g. "Large urban park").
- aspect: a compass word (e.g. "north"). slope_percent and percent: whole numbers 0-100 without "%".
- prevailing_wind_direction: abbreviate as N, S, E, W, NE, NW, SE, SW (or 16-point, e.g. NNE).
- describe fields at most 30 characters.`,
} as const;

export const targetAssessment = {
  fields: {
    targets: list(
      {
        target_number: str(),
        label: str(),
        zone_within_drip_line: bool(),
        zone_within_1x_height: bool(),
        zone_within_1_5x_height: bool(),
        occupancy_rate: int(1, 4),
        practical_to_move: bool(),
        restriction_practical: bool(),
      },
      4,
    ),
  },
  prompt: `Memory aides: target number (one, two ...), target description, target zone: within drip line, within 1x height,
within 1.5x height; occupancy rate 1 rare, 2 occasional, 3 frequent, 4 constant; practical to move target;
restriction practical.
Rules:
- One entry per target, in the order mentioned, at most 4.
- target_number: digits as a string ("1"). label: ONE word without spaces (e.g. "ParkingLot", "Sidewalk").
- occupancy_rate: 1-4 as above. Booleans only when stated.`,
} as const;
