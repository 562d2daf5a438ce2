/** Prompt texts of the providers (api.md §4.7, data-model §7.4). */

/** The transcription domain prompt: arborist vocabulary the speech model should expect. */
export const DEFAULT_TRANSCRIBE_PROMPT =
  'An ISA-certified arborist dictating a TRAQ tree risk assessment in the field. Expect terms such as: ' +
  'target one, target two, dripline, drip line, 1x height, 1.5x height, occupancy rare, occasional, frequent, constant, ' +
  'practical to move, restriction practical, DBH, crown spread, live crown ratio, LCR, codominant stems, included bark, ' +
  'conks, cankers, galls, burls, sap ooze, heartwood decay, sapwood, root collar, root plate lifting, girdling roots, ' +
  'hangers, deadwood, lion-tailed, flush cuts, chlorotic, necrotic, vigor, wind funneling, mistletoe, ' +
  'likelihood of failure improbable, possible, probable, imminent; consequences negligible, minor, significant, severe; ' +
  'Quercus agrifolia, Quercus lobata, Platanus racemosa, Fraxinus latifolia, Populus fremontii, Cedrus deodara.';

export const NARRATIVE_SYSTEM_PROMPT =
  'You are a professional arborist writing a client-ready tree risk assessment report. ' +
  'Write in clear, plain prose paragraphs: no bullet points, no headings, no lists.';

export function narrativeUserPrompt(formJson: string, transcript: string): string {
  return `Write five short paragraphs, in this order:
1. Site factors, tree details and context.
2. The targets (named, with their zones) and the tree's health and species.
3. Crown and branches, and trunk defects.
4. Roots and root collar, and load factors.
5. The overall risk, the mitigation option(s) and the expected residual risk.
Do not include contact information, addresses or the assessor's name. The form data is the primary source of truth;
the transcript only supports it. Use a conservative, legally careful tone. Do not add conclusions or recommendations
beyond what the form states. Separate the paragraphs with a blank line.

Form data (JSON):
${formJson}

Transcript:
${transcript || '(none)'}`;
}

export const POLISH_SYSTEM_PROMPT =
  'You edit tree risk assessment report text for readability. Keep every fact, add none, keep the paragraph breaks, ' +
  'and answer with the edited text only.';
