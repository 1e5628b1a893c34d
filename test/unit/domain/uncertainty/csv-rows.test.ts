import { describe, expect, it } from 'vitest';
import { planImport, guessMapping } from '../../../../renderer/src/domain/csv-import';
import { readCsvTable } from '../../../../renderer/src/domain/csv-table';
import { importedItem, ITEM_IMPORT, type ImportedItem } from '../../../../renderer/src/domain/uncertainty/csv-rows';
import { ITEM_TITLE_MAX, TAG_MAX, type Layer } from '../../../../renderer/src/domain/uncertainty/model';

const layer = (id: string, name: string, order: number): Layer => ({ id, programId: 'p', name, description: '', color: '#336699', order });
const LAYERS = [layer('L1', 'Data', 0), layer('L2', 'Model', 1), layer('L3', 'User experience', 2)];
const context = { layers: LAYERS, defaultLayerId: 'L1' };

/** The plan of a CSV whose header Keel guesses. */
function plan(text: string) {
  const table = readCsvTable(text);
  const header = table.rows.find((r) => r.some((c) => c.trim())) ?? [];
  return planImport(table, guessMapping(header, ITEM_IMPORT.fields), ITEM_IMPORT, context);
}

describe('uncertainty items from CSV rows', () => {
  it('guesses Keel’s own export headers and common synonyms', () => {
    const headers = ['Id', 'Title', 'Kind', 'Layer', 'Impact (1-5)', 'Uncertainty (1-5)', 'Status', 'Owner', 'Owning function', 'Next step', 'Review date', 'Tags', 'Description'];
    expect(guessMapping(headers, ITEM_IMPORT.fields)).toEqual([
      null, 'title', 'kind', 'layer', 'impact', 'uncertainty', 'status', 'ownerPerson', 'ownerFunction', 'nextStep', 'reviewDate', 'tags', 'description',
    ]);
    expect(guessMapping(['Summary', 'Type', 'Severity', 'Likelihood', 'Assignee', 'Labels'], ITEM_IMPORT.fields)).toEqual([
      'title', 'kind', 'impact', 'uncertainty', 'ownerPerson', 'tags',
    ]);
    expect(guessMapping(['Name'], ITEM_IMPORT.fields)).toEqual(['title']);
  });

  it('reads a full row with the app’s cleaning, labels or keys, and a decimal comma in a ; file', () => {
    const result = plan(
      'Title;Kind;Layer;Impact;Uncertainty;Status;Owner;Owning function;Next step;Review date;Tags;Description\n' +
        '  Users   trust cited answers ;Risk;user EXPERIENCE;4,5;2;Testing;Ana;Support;Run a study;2026-12-01;"trust; ux, trust";"Two\nlines"',
    );
    expect(result.problems).toEqual([]);
    expect(result.records).toEqual([
      {
        row: 2,
        record: {
          title: 'Users trust cited answers',
          kind: 'risk',
          layerId: 'L3',
          impact: 4.5,
          uncertainty: 2,
          status: 'testing',
          ownerPerson: 'Ana',
          ownerFunction: 'Support',
          nextStep: 'Run a study',
          reviewDate: '2026-12-01',
          tags: ['trust', 'ux'],
          description: 'Two\nlines',
        },
      },
    ]);
  });

  it('fills what a row leaves out as a new item would be: first layer, assumption, mid-map, open', () => {
    expect(plan('Title\nOnly a title').records[0]?.record).toEqual({
      title: 'Only a title', kind: 'assumption', layerId: 'L1', impact: 3, uncertainty: 3, status: 'open',
      ownerPerson: '', ownerFunction: '', nextStep: '', reviewDate: '', tags: [], description: '',
    });
  });

  it('says what is wrong with each bad row, all its problems at once, and skips it', () => {
    const result = plan(
      [
        'Title,Kind,Layer,Impact,Uncertainty,Status,Review date,Tags',
        'Good,risk,Data,1,5,open,,',
        ',risk,Data,3,3,open,,',
        'Bad scores,risk,Data,high,6,open,,',
        'Bad kind,guess,Data,3,3,open,,',
        'Bad layer,risk,Retrieval,3,3,open,,',
        'Bad status,risk,Data,3,3,done,,',
        'Bad date,risk,Data,3,3,open,01/02/2026,',
        `Long tag,risk,Data,3,3,open,,${'t'.repeat(TAG_MAX + 1)}`,
        `${'x'.repeat(ITEM_TITLE_MAX + 1)},risk,Data,3,3,open,,`,
      ].join('\n'),
    );
    expect(result.records.map((r) => r.record.title)).toEqual(['Good']);
    expect(result.problems.map((p) => `Row ${p.row}: ${p.message}`)).toEqual([
      'Row 3: Give the item a title.',
      'Row 4: The impact "high" is not a number from 1 to 5. The uncertainty "6" is not a number from 1 to 5.',
      'Row 5: The kind "guess" is not one of assumption, risk, unknown or dependency.',
      'Row 6: The layer "Retrieval" is not a layer of this map. Add it to the stack first, or change the cell.',
      'Row 7: The status "done" is not one of open, testing, validated, invalidated, mitigated, accepted or closed.',
      'Row 8: The review date "01/02/2026" could be read day-first or month-first. Write it as YYYY-MM-DD.',
      `Row 9: Keep each tag under ${TAG_MAX} characters.`,
      `Row 10: Keep the title under ${ITEM_TITLE_MAX} characters (it has ${ITEM_TITLE_MAX + 1}).`,
    ]);
  });

  it('shows in the preview what will be stored, in the app’s words', () => {
    const record = plan('Title,Layer,Kind,Status,Tags\nA,Model,unknown,mitigated,"x, y"').records[0]!.record;
    expect(ITEM_IMPORT.describe(record, context)).toMatchObject({ layer: 'Model', kind: 'Unknown', status: 'Mitigated', tags: 'x, y', impact: '3' });
  });

  it('makes the stored item from newItem’s rules, its first history point where the row placed it', () => {
    const row: ImportedItem = {
      title: 'A', layerId: 'L2', kind: 'risk', impact: 4, uncertainty: 2, status: 'validated', ownerPerson: 'Ana', ownerFunction: '',
      description: 'd', nextStep: '', tags: ['t'], reviewDate: '2026-12-01',
    };
    const made = importedItem('p', row, 'i1', 1000);
    expect(made).toEqual({
      ok: true,
      value: {
        ...row, id: 'i1', programId: 'p', metricIds: [], evidence: [], createdAt: 1000, updatedAt: 1000,
        history: [{ at: 1000, impact: 4, uncertainty: 2, status: 'validated' }],
      },
    });
  });
});
