export interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}
export interface AcceptedFinding {
  id: string;
  file: string;
  sample: string;
  reason: string;
}
export function parseCsv(text: string): string[][];
export function findingsFromCsv(text: string): Finding[];
export const BLOCKING_SEVERITIES: string[];
export function judgeFindings(
  findings: Finding[],
  accepted: AcceptedFinding[],
): { unaccepted: Finding[]; accepted: Finding[]; informational: Finding[]; stale: AcceptedFinding[] };
