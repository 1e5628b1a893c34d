import { describe, expect, it } from 'vitest';
import { guessMapping, planImport } from '../../../../renderer/src/domain/csv-import';
import { readCsvTable } from '../../../../renderer/src/domain/csv-table';
import { importedRoadmapItem, ROADMAP_IMPORT } from '../../../../renderer/src/domain/roadmap/csv-rows';
import { newRoadmapItem } from '../../../../renderer/src/domain/roadmap/edits';

function plan(text: string, defaultHorizon: 'now' | 'next' | 'later' = 'now') {
  const table = readCsvTable(text);
  return planImport(table, guessMapping(table.rows[0] ?? [], ROADMAP_IMPORT.fields), ROADMAP_IMPORT, { defaultHorizon });
}

describe('roadmap items from CSV rows', () => {
  it('guesses Keel’s own export headers and common synonyms', () => {
    expect(guessMapping(['Id', 'Title', 'Horizon', 'Earliest', 'Latest', 'Confidence', 'Status', 'Owner', 'Description'], ROADMAP_IMPORT.fields)).toEqual([
      null, 'title', 'horizon', 'earliest', 'latest', 'confidence', 'status', 'owner', 'description',
    ]);
    expect(guessMapping(['Feature', 'Start date', 'End date', 'Stage', 'Assignee'], ROADMAP_IMPORT.fields)).toEqual([
      'title', 'earliest', 'latest', 'status', 'owner',
    ]);
  });

  it('reads a full row: a horizon by label, a range, a level or a percentage', () => {
    const result = plan(
      'Title,Horizon,Earliest,Latest,Confidence,Status,Owner,Description\n' +
        ' Hybrid   retrieval ,NEXT,2026-10-01,2026/11/15,High,In progress,Ana,"Two\nlines"\n' +
        'Eval harness,later,,,80%,planned,,\n' +
        'Cost dashboard,,,,65,,,',
      'later',
    );
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.record)).toEqual([
      { title: 'Hybrid retrieval', horizon: 'next', earliest: '2026-10-01', latest: '2026-11-15', confidence: 'high', status: 'in-progress', owner: 'Ana', description: 'Two\nlines' },
      { title: 'Eval harness', horizon: 'later', earliest: '', latest: '', confidence: 80, status: 'planned', owner: '', description: '' },
      { title: 'Cost dashboard', horizon: 'later', earliest: '', latest: '', confidence: 65, status: 'proposed', owner: '', description: '' },
    ]);
  });

  it('fills what a row leaves out as a new item would be: medium confidence, proposed, no range', () => {
    expect(plan('Title\nA').records[0]?.record).toMatchObject({ horizon: 'now', confidence: 'medium', status: 'proposed', earliest: '', latest: '' });
  });

  it('says what is wrong with each bad row with the roadmap’s own rules, and skips it', () => {
    const result = plan(
      [
        'Title,Horizon,Earliest,Latest,Confidence,Status',
        'Good,now,,,,',
        ',now,,,,',
        'Bad horizon,soon,,,,',
        'One date,now,2026-10-01,,,',
        'Backwards,now,2026-11-01,2026-10-01,,',
        'Out of range,now,1800-01-01,1800-02-01,,',
        'Bad day,now,2026-02-30,2026-03-01,,',
        'Bad confidence,now,,,sure,',
        'Too confident,now,,,120%,',
        'Fraction,now,,,0.8,',
        'Bad status,now,,,,shipped',
      ].join('\n'),
    );
    expect(result.records.map((r) => r.record.title)).toEqual(['Good']);
    expect(result.problems.map((p) => `Row ${p.row}: ${p.message}`)).toEqual([
      'Row 3: Give the roadmap item a title.',
      'Row 4: The horizon "soon" is not one of now, next or later.',
      'Row 5: Give both the earliest and the latest date, or neither: a range, not a single date.',
      'Row 6: The earliest date must not be after the latest.',
      'Row 7: Give dates between the years 1900 and 2200.',
      'Row 8: The earliest date "2026-02-30" does not exist.',
      'Row 9: The confidence "sure" is not low, medium, high or a percentage from 0 to 100.',
      'Row 10: Give the confidence as a whole percentage from 0 to 100.',
      'Row 11: Give the confidence as a whole percentage from 0 to 100.',
      'Row 12: The status "shipped" is not one of proposed, planned, in progress, done or dropped.',
    ]);
  });

  it('makes the stored item from newRoadmapItem’s rules, at the order given', () => {
    const row = plan('Title,Horizon,Earliest,Latest,Confidence,Owner\nA,next,2026-10-01,2026-10-31,70,Ana').records[0]!.record;
    const made = importedRoadmapItem('p', row, 4, 'r1', 1000);
    const base = newRoadmapItem('p', 'A', 'next', 4, 'r1', 1000);
    if (!made.ok || !base.ok) throw new Error('not made');
    expect(made.value).toEqual({ ...base.value, earliest: '2026-10-01', latest: '2026-10-31', confidence: 70, owner: 'Ana' });
    expect(ROADMAP_IMPORT.describe(row, { defaultHorizon: 'now' })).toMatchObject({ horizon: 'Next', confidence: '70%', status: 'Proposed' });
  });
});
