/**
 * Where a final's outputs live in the artifact store (api.md §5.3) and what
 * they are in the `artifacts` index. A correction's files carry the
 * `_correction` suffix, so writing one never touches the original final's.
 */
import type { artifact_kind } from '../queries/finals.queries.js';

export type FinalKind = 'final' | 'correction';

export type FinalOutput = 'finalJson' | 'traqPdf' | 'letterPdf' | 'letterDocx' | 'geojson';

export const OUTPUT_FILES: Record<FinalOutput, { name: (suffix: string) => string; kind: artifact_kind; contentType: string }> = {
  finalJson: { name: (s) => `final${s}.json`, kind: 'final_json', contentType: 'application/json' },
  traqPdf: { name: (s) => `final_traq_page1${s}.pdf`, kind: 'final_pdf', contentType: 'application/pdf' },
  letterPdf: { name: (s) => `final_report_letter${s}.pdf`, kind: 'report_pdf', contentType: 'application/pdf' },
  letterDocx: {
    name: (s) => `final_report_letter${s}.docx`,
    kind: 'report_docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  geojson: { name: (s) => `final${s}.geojson`, kind: 'geojson', contentType: 'application/geo+json' },
};

export const FINAL_OUTPUTS = Object.keys(OUTPUT_FILES) as FinalOutput[];

/** The store key of one output of a job's final or correction. */
export function finalKey(jobId: string, kind: FinalKind, output: FinalOutput): string {
  return `jobs/${jobId}/${OUTPUT_FILES[output].name(kind === 'correction' ? '_correction' : '')}`;
}
