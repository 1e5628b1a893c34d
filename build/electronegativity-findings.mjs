// What electronegativity found, read from its CSV report, and what the reviewed allowlist
// (build/electronegativity-accepted.json) makes of it. Pure, so test/unit/electron tests it.

/** The CSV electronegativity writes: a header line, then quoted fields ("" inside quotes), N/A unquoted. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((cell) => cell.trim() !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  row.push(field);
  if (row.some((cell) => cell.trim() !== '')) rows.push(row);
  return rows;
}

/** @returns {import('./electronegativity-findings.d.mts').Finding[]} */
export function findingsFromCsv(text) {
  const [header, ...rows] = parseCsv(text);
  if (!header || header[0]?.trim() !== 'issue') throw new Error('not an electronegativity CSV report');
  return rows.map(([id = '', severity = '', confidence = '', file = '', location = '', sample = '', description = '']) => ({
    id: id.trim(),
    severity: severity.trim(),
    confidence: confidence.trim(),
    file: file.trim(),
    location: location.trim(),
    sample: sample.trim(),
    description: description.trim(),
  }));
}

/** The severities that fail the scan unless a reviewed entry accepts the finding. */
export const BLOCKING_SEVERITIES = ['HIGH', 'MEDIUM'];

const matches = (entry, finding) => entry.id === finding.id && entry.file === finding.file && entry.sample === finding.sample;

/**
 * Splits the findings: blocking ones no entry accepts (the scan fails), accepted ones, and the
 * rest (low and informational, reported only). Entries that match nothing are stale: the code
 * they excused has changed, so they must be looked at again (the scan fails on them too).
 */
export function judgeFindings(findings, accepted) {
  const blocking = findings.filter((finding) => BLOCKING_SEVERITIES.includes(finding.severity));
  return {
    unaccepted: blocking.filter((finding) => !accepted.some((entry) => matches(entry, finding))),
    accepted: blocking.filter((finding) => accepted.some((entry) => matches(entry, finding))),
    informational: findings.filter((finding) => !BLOCKING_SEVERITIES.includes(finding.severity)),
    stale: accepted.filter((entry) => !blocking.some((finding) => matches(entry, finding))),
  };
}
