import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeImportError } from '../../../renderer/src/io/import-errors';
import { exportFileName, parseKeelFile, programFile, serializeProgram } from '../../../renderer/src/io/keel-file';
import type { Submission } from '../../../renderer/src/domain/room/model';
import { CURRENT_FORMAT_VERSION, type KeelFileType, type MatrixFileType } from '../../../renderer/src/io/format';
import { makeProgram } from '../factories';
import type { Layer, UncertaintyItem } from '../../../renderer/src/domain/uncertainty/model';
import type { Metric, ProgramFunction } from '../../../renderer/src/domain/metrics/model';
import { metricStatus } from '../../../renderer/src/domain/metrics/status';
import type { Matrix } from '../../../renderer/src/domain/tradeoffs/model';
import { resolveMatrix } from '../../../renderer/src/domain/tradeoffs/matrix';
import { migrateFile } from '../../../renderer/src/io/migrations';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8');

describe('parseKeelFile', () => {
  it('reads every released format-version fixture', () => {
    const result = parseKeelFile(fixture('format-v1/support-assistant.keel.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.program).toEqual({
      id: '5b0f8a3e-2c1d-4e6f-9a7b-1c2d3e4f5a6b',
      name: 'Support assistant',
      description:
        'An LLM assistant that answers customer support tickets, with retrieval over the help centre and escalation to humans.',
      createdAt: Date.parse('2026-11-20T09:00:00.000Z'),
      updatedAt: Date.parse('2026-11-24T10:14:30.000Z'),
      archivedAt: null,
      deletedAt: null,
      staleAfterDays: 30,
    });
    // Version 1 had no uncertainty map: the program arrives with the default stack, no items.
    const layers = result.snapshot.owned.layers as unknown as { name: string; order: number }[];
    expect(layers.map((l) => l.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(layers[0]!.name).toBe('Scope and requirements');
    expect(result.snapshot.owned.uncertaintyItems).toEqual([]);
  });

  it('reads the format-2 fixture: layers, items, evidence, history, tags and owners', () => {
    const result = parseKeelFile(fixture('format-v2/support-assistant.keel.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const items = result.snapshot.owned.uncertaintyItems as unknown as UncertaintyItem[];
    const layers = result.snapshot.owned.layers as unknown as Layer[];
    expect(layers).toHaveLength(7);
    expect(items).toHaveLength(6);
    const refund = items.find((i) => i.title === 'Hallucinated refund policy')!;
    expect(refund).toMatchObject({
      kind: 'risk',
      impact: 4.8,
      uncertainty: 3.5,
      status: 'testing',
      ownerPerson: 'Priya',
      ownerFunction: 'Product',
      reviewDate: '2026-12-05',
      tags: ['policy', 'hallucination'],
    });
    expect(refund.evidence[0]).toMatchObject({ date: '2026-11-20', source: 'Offline eval, 50 tickets', effect: 'uncertainty 4.5 → 3.5' });
    expect(refund.history.at(-1)).toMatchObject({ impact: 4.8, uncertainty: 3.5, status: 'testing' });
    expect(layers.find((l) => l.id === refund.layerId)?.name).toBe('Model behaviour');
    expect(items.every((i) => i.programId === result.snapshot.program.id)).toBe(true);
  });

  it('reads the format-2 fixture with engineering, product and leadership and no metrics yet', () => {
    const result = parseKeelFile(fixture('format-v2/support-assistant.keel.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const functions = result.snapshot.owned.functions as unknown as ProgramFunction[];
    expect(functions.map((f) => [f.name, f.required, f.order])).toEqual([
      ['Engineering', true, 0],
      ['Product', true, 1],
      ['Leadership', true, 2],
    ]);
    expect(result.snapshot.owned.metrics).toEqual([]);
    expect((result.snapshot.owned.uncertaintyItems as unknown as UncertaintyItem[]).every((i) => i.metricIds.length === 0)).toBe(true);
  });

  it('reads the format-3 fixture: functions, metrics, versions, sign-offs and readings', () => {
    const result = parseKeelFile(fixture('format-v3/support-assistant.keel.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const functions = result.snapshot.owned.functions as unknown as ProgramFunction[];
    const metrics = result.snapshot.owned.metrics as unknown as Metric[];
    expect(functions.map((f) => [f.name, f.required])).toEqual([
      ['Engineering', true],
      ['Product', true],
      ['Leadership', true],
      ['Security', false],
    ]);
    expect(result.snapshot.owned.uncertaintyItems).toHaveLength(6);
    const success = metrics.find((m) => m.name === 'Task success rate')!;
    expect(success).toMatchObject({ version: 2, unit: '%', direction: 'higher', target: { value: 90 }, baseline: { value: 78.5, date: '2026-08-31' } });
    expect(success.versions[0]).toMatchObject({ version: 1, target: { value: 85 } });
    expect(success.versions[0]!.signoffs.map((s) => [s.functionName, s.state, s.by])).toEqual([
      ['Engineering', 'agree', 'Priya (eng lead)'],
      ['Product', 'agree', 'Priya (eng lead)'],
      ['Leadership', 'agree', 'Priya (eng lead)'],
      ['Security', 'object', 'Priya (eng lead)'],
    ]);
    expect(success.signoffs.map((s) => functions.find((f) => f.id === s.functionId)?.name)).toEqual(['Engineering']);
    expect(success.readings.map((r) => r.value)).toEqual([80.2, 82, 83.4, 74, 84.9]);
    // Below the target of 90 but recovering after the outage.
    expect(metricStatus(success)).toMatchObject({ status: 'on-track', reason: expect.stringContaining('moving towards it') });
    // An item on the map names the metrics it bears on.
    const refund = (result.snapshot.owned.uncertaintyItems as unknown as UncertaintyItem[]).find((i) => i.title === 'Hallucinated refund policy')!;
    expect(refund.metricIds.map((id) => metrics.find((m) => m.id === id)?.name)).toEqual(['Task success rate', 'Escalation rate to a human']);
    const latency = metrics.find((m) => m.name.startsWith('p95 latency'))!;
    expect(latency.ownerFunctionId).toBe('');
    expect(metricStatus(latency).status).toBe('at-risk');
  });

  it('migrates the format-3 fixture to format 4 with no matrices, keeping everything else', () => {
    const v3 = JSON.parse(fixture('format-v3/support-assistant.keel.json'));
    const migrated = migrateFile(v3, 3, 4);
    expect(migrated.formatVersion).toBe(4);
    expect(migrated.data).toEqual({ ...v3.data, matrices: [] });
    const result = parseKeelFile(JSON.stringify(v3));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.snapshot.owned.matrices).toEqual([]);
    expect(result.snapshot.owned.metrics).toHaveLength(3);
  });

  it('reads the format-7 fixture: its sessions come through, with no submissions from devices yet', () => {
    const file = JSON.parse(fixture('format-v7/support-assistant-workshop.keel.json'));
    expect(migrateFile(file, 7, 8).data).toEqual({ ...file.data, submissions: [] });
    const result = parseKeelFile(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(result.snapshot.owned.sessions).toHaveLength(2);
    expect(result.snapshot.owned.submissions).toEqual([]);
  });

  it('reads the format-8 fixture: submissions keep their status, author and the capture they became, and write back the same', () => {
    const text = fixture('format-v8/support-assistant-room.keel.json');
    const result = parseKeelFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const rows = result.snapshot.owned.submissions as unknown as Submission[];
    expect(rows.map((s) => [s.author, s.kind, s.status])).toEqual([
      ['Ana', 'uncertainty', 'accepted'],
      ['Ben', 'uncertainty', 'accepted'],
      ['Cy', 'concern', 'pending'],
      ['Ben', 'idea', 'declined'],
    ]);
    expect(rows[0]!.captureId).toBe(rows[1]!.captureId);
    expect(rows[0]!.at).toBe(Date.parse('2026-11-12T09:05:41.000Z'));
    expect(rows[2]!.decidedAt).toBeNull();
    const written = JSON.parse(JSON.stringify(programFile(result.snapshot, '0.13.0', new Date('2026-11-30T01:55:00.000Z'))));
    expect(written.data.submissions).toEqual(JSON.parse(text).data.submissions);
  });

  it('refuses submissions that break their links: unknown session, a capture of another session, accepted without a capture, a repeated client id', () => {
    const base = JSON.parse(fixture('format-v8/support-assistant-room.keel.json'));
    const refusal = (change: (file: typeof base) => void) => {
      const file = structuredClone(base);
      change(file);
      const result = parseKeelFile(JSON.stringify(file));
      return result.ok ? 'accepted' : describeImportError(result.error);
    };
    expect(refusal((f) => (f.data.submissions[2].sessionId = 'nowhere'))).toContain('data.submissions.2.sessionId: no session nowhere in the file');
    expect(refusal((f) => (f.data.submissions[0].captureId = 'nowhere'))).toContain('data.submissions.0.captureId: no capture nowhere of this session in the file');
    expect(refusal((f) => (f.data.submissions[0].captureId = ''))).toContain('data.submissions.0.captureId: an accepted submission names its capture');
    expect(refusal((f) => (f.data.submissions[2].decidedAt = '2026-11-12T09:06:00.000Z'))).toContain('data.submissions.2.decidedAt');
    expect(refusal((f) => (f.data.submissions[3].clientId = f.data.submissions[1].clientId))).toContain('sent k8Zq2vXw-2aB3 twice');
  });

  it('reads the format-6 fixture: the whole plan comes through, and the program has held no sessions yet', () => {
    const file = JSON.parse(fixture('format-v6/support-assistant-plan.keel.json'));
    const migrated = migrateFile(file, 6, 7);
    expect(migrated.data).toEqual({ ...file.data, sessions: [], captures: [], votes: [], snapshots: [] });
    const result = parseKeelFile(JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    for (const table of ['roadmapItems', 'decisions', 'scopeChanges', 'actions']) expect(result.snapshot.owned[table]).toHaveLength(file.data[table].length);
    for (const table of ['sessions', 'captures', 'votes', 'snapshots']) expect(result.snapshot.owned[table]).toEqual([]);
  });

  it('reads the format-5 fixture: the facilitator weights kept under the equal blend come back, and the plan starts empty', () => {
    const result = parseKeelFile(fixture('format-v5/support-assistant.keel.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [retrieval] = result.snapshot.owned.matrices as unknown as Matrix[];
    expect(retrieval!.combined.mode).toBe('equal');
    expect(Object.values(retrieval!.combined.weights ?? {})).toEqual([10, 15, 20, 25]);
    for (const table of ['roadmapItems', 'scopeChanges', 'actions', 'revisitReviews']) expect(result.snapshot.owned[table]).toEqual([]);
  });

  it('reads the format-4 fixture: matrices linked to metrics and functions, scores, weights and decisions', () => {
    const result = parseKeelFile(fixture('format-v4/support-assistant.keel.json'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const metrics = result.snapshot.owned.metrics as unknown as Metric[];
    const functions = result.snapshot.owned.functions as unknown as ProgramFunction[];
    const matrices = result.snapshot.owned.matrices as unknown as Matrix[];
    expect(matrices.map((m) => [m.question, m.mode, m.decision !== null])).toEqual([
      ['Which retrieval upgrade ships next quarter?', 'effect', true],
      ['How do we cut escalations to a human before the holiday peak?', 'rating', false],
    ]);
    const [retrieval, escalations] = matrices as [Matrix, Matrix];
    expect(retrieval.programId).toBe(result.snapshot.program.id);
    const metricName = (id: string) => metrics.find((m) => m.id === id)?.name ?? '';
    expect(retrieval.criteria.map((c) => [c.name, metricName(c.metricId), c.direction])).toEqual([
      ['Task success rate', 'Task success rate', 'benefit'],
      ['p95 latency (end to end)', 'p95 latency (end to end)', 'cost'],
      ['Cost per resolved ticket', 'Cost per resolved ticket', 'cost'],
      ['Effort', '', 'cost'],
    ]);
    expect(retrieval.scores).toHaveLength(12);
    expect(retrieval.scores[0]).toMatchObject({ value: 2, confidence: 'medium', expected: 88.5, rationale: expect.stringContaining('Offline eval') });
    const functionName = (id: string) => functions.find((f) => f.id === id)?.name;
    expect(retrieval.functionWeights.map((f) => [functionName(f.functionId), f.judgements === null])).toEqual([
      ['Engineering', true],
      ['Product', false],
      ['Leadership', true],
    ]);
    const option = (id: string | null | undefined) => retrieval.options.find((o) => o.id === id)?.title;
    expect(option(retrieval.decision!.optionId)).toBe('Hybrid search');
    expect(retrieval.decision).toMatchObject({ date: '2026-12-02', reopened: null, recordedAt: Date.parse('2026-12-02T10:57:00.000Z') });
    expect(retrieval.pastDecisions.map((d) => [option(d.optionId), d.reopened?.reason])).toEqual([
      ['Cross-encoder re-ranker', 'The platform team can only give us a 5 s p95 budget, which the re-ranker would exceed.'],
    ]);
    // The analysis runs on what was read: the bigger model breaks the cost guardrail; hybrid search wins.
    const { analysis } = resolveMatrix(retrieval, new Map(metrics.map((m) => [m.id, m])), functions);
    expect(option(analysis.winner?.optionId)).toBe('Hybrid search');
    expect(analysis.results.filter((r) => r.vetoes.length).map((r) => option(r.optionId))).toEqual(['Bigger generation model']);
    expect(escalations.combined.mode).toBe('facilitator');
    expect(escalations.scores.every((s) => s.value === null || (s.value >= 1 && s.value <= 5))).toBe(true);
  });

  it('refuses a metric whose owner is not in the file, and drops current sign-offs of missing functions', () => {
    const file = JSON.parse(fixture('format-v3/support-assistant.keel.json'));
    file.data.metrics[0].signoffs[0].functionId = 'gone';
    const lenient = parseKeelFile(JSON.stringify(file));
    if (!lenient.ok) throw new Error(JSON.stringify(lenient.error));
    expect((lenient.snapshot.owned.metrics as unknown as Metric[])[0]!.signoffs).toEqual([]);

    file.data.metrics[0].ownerFunctionId = 'nobody';
    const result = parseKeelFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid') return;
    expect(result.error.problems).toEqual(['data.metrics.0.ownerFunctionId: no function nobody in the file']);
  });

  it('refuses versions that do not count up to the current one', () => {
    const file = JSON.parse(fixture('format-v3/support-assistant.keel.json'));
    file.data.metrics[0].version = 5;
    const result = parseKeelFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
  });

  it('refuses text that is not JSON, saying so plainly', () => {
    const result = parseKeelFile(fixture('bad/truncated.keel.json'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-json' } });
    if (!result.ok) expect(describeImportError(result.error, 'plan.keel.json')).toMatch(/^plan.keel.json is not a Keel file: it is not valid JSON/);
  });

  it('refuses JSON that is not a Keel file', () => {
    expect(parseKeelFile(fixture('bad/not-keel.json'))).toMatchObject({ ok: false, error: { kind: 'not-keel' } });
    expect(parseKeelFile('[1,2]')).toMatchObject({ ok: false, error: { kind: 'not-keel' } });
    expect(parseKeelFile('null')).toMatchObject({ ok: false, error: { kind: 'not-keel' } });
  });

  it('refuses __proto__ keys anywhere and pollutes nothing', () => {
    const result = parseKeelFile(fixture('bad/proto-pollution.keel.json'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden-key', path: 'program.__proto__' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = '{"format":"keel","formatVersion":1,"data":{"a":[{"constructor":{"prototype":{}}}]}}';
    expect(parseKeelFile(nested)).toMatchObject({ ok: false, error: { kind: 'forbidden-key', path: 'data.a[0].constructor' } });
  });

  it('refuses unknown fields (strict schema) and lists where', () => {
    const result = parseKeelFile(fixture('bad/unknown-field.keel.json'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('invalid');
    if (result.error.kind === 'invalid') expect(result.error.problems.join(' ')).toMatch(/owner/);
  });

  it('refuses a newer format version and names the versions', () => {
    const result = parseKeelFile(fixture('bad/newer-version.keel.json'));
    expect(result).toMatchObject({ ok: false, error: { kind: 'newer-version', fileVersion: 99, supportedVersion: CURRENT_FORMAT_VERSION, appVersion: '9.0.0' } });
    if (!result.ok) expect(describeImportError(result.error)).toMatch(/newer Keel \(9.0.0\).*Update Keel/);
  });

  it('refuses versions that are not positive integers', () => {
    for (const v of ['"1"', '1.5', '0', '-1', 'null']) {
      expect(parseKeelFile(`{"format":"keel","formatVersion":${v}}`)).toMatchObject({ ok: false, error: { kind: 'bad-version' } });
    }
  });

  it('refuses oversized files before parsing them', () => {
    const big = `{"format":"keel","pad":"${'x'.repeat(2000)}"}`;
    expect(parseKeelFile(big, 1000)).toMatchObject({ ok: false, error: { kind: 'too-large', limitBytes: 1000 } });
    // Multi-byte characters count as bytes, not as string length.
    const wide = `{"format":"keel","pad":"${'é'.repeat(400)}"}`;
    expect(wide.length).toBeLessThan(1000);
    expect(parseKeelFile(wide, 800)).toMatchObject({ ok: false, error: { kind: 'too-large' } });
  });

  it('rejects invalid field values with the field named', () => {
    const program = makeProgram({ name: 'Valid' });
    const file = JSON.parse(serializeProgram({ program, owned: { layers: [], uncertaintyItems: [] } }, '0.1.0', new Date(0)));
    file.program.name = '   ';
    file.program.createdAt = 'yesterday';
    const result = parseKeelFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems.some((p) => p.startsWith('program.name'))).toBe(true);
      expect(result.error.problems.some((p) => p.startsWith('program.createdAt'))).toBe(true);
    }
  });

  it('reads names as the app stores them: one line, trimmed, no direction overrides; an empty one is refused with the rule\'s sentence', () => {
    const program = makeProgram({ name: 'Valid' });
    const file = JSON.parse(serializeProgram({ program, owned: { layers: [], uncertaintyItems: [] } }, '0.1.0', new Date(0)));
    file.program.name = '  Retrieval \u202eexe.png\n pilot  ';
    const cleaned = parseKeelFile(JSON.stringify(file));
    expect(cleaned.ok && cleaned.snapshot.program.name).toBe('Retrieval exe.png pilot');
    // Longer texts keep their lines, but not direction controls either.
    file.program.description = 'Two\nlines \u2067reversed\u2069\u202e';
    const described = parseKeelFile(JSON.stringify(file));
    expect(described.ok && described.snapshot.program.description).toBe('Two\nlines reversed');
    file.program.name = ' \t ';
    const refused = parseKeelFile(JSON.stringify(file));
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid', problems: ['program.name: Give the program a name.'] } });
  });
});

describe('exportFileName', () => {
  it('keeps names readable and safe on every OS', () => {
    expect(exportFileName('Support bot')).toBe('Support bot.keel.json');
    expect(exportFileName('a/b\\c:d*e?"f<g>h|')).toBe('a b c d e f g h.keel.json');
    expect(exportFileName('...')).toBe('program.keel.json');
    expect(exportFileName('Plan v1..2\u007f')).toBe('Plan v1.2.keel.json');
    expect(exportFileName('x'.repeat(200))).toHaveLength(80 + '.keel.json'.length);
  });
});

describe('references inside a file', () => {
  it('refuses an item whose layer is not in the file', () => {
    const program = makeProgram({ id: 'p' });
    const layer = { id: 'L1', programId: 'p', name: 'Data', description: '', color: '#112233', order: 0 };
    const item = {
      id: 'I1', programId: 'p', layerId: 'L-missing', title: 'Orphan', description: '', kind: 'risk', impact: 3, uncertainty: 3,
      ownerPerson: '', ownerFunction: '', status: 'open', nextStep: '', reviewDate: '', tags: [], metricIds: [], evidence: [], history: [],
      createdAt: 0, updatedAt: 0,
    };
    const text = serializeProgram({ program, owned: { layers: [layer], uncertaintyItems: [item] } }, '0.1.0', new Date(0));
    const result = parseKeelFile(text);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    if (!result.ok && result.error.kind === 'invalid') expect(result.error.problems[0]).toMatch(/no layer L-missing/);
  });

  it('refuses an item linked to a metric that is not in the file', () => {
    const file = JSON.parse(fixture('format-v3/support-assistant.keel.json'));
    const linked = file.data.uncertaintyItems.findIndex((i: { metricIds: string[] }) => i.metricIds.length > 0);
    file.data.uncertaintyItems[linked].metricIds = ['no-such-metric'];
    const result = parseKeelFile(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid' } });
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems).toEqual([`data.uncertaintyItems.${linked}.metricIds.0: no metric no-such-metric in the file`]);
    }
  });
});

describe('references inside a matrix', () => {
  /** The format-4 fixture with its first matrix changed by `edit`; returns the problems found. */
  function problems(edit: (matrix: MatrixFileType, data: KeelFileType['data']) => void): string[] {
    const file = JSON.parse(fixture('format-v4/support-assistant.keel.json')) as KeelFileType;
    edit(file.data.matrices[0]!, file.data);
    const result = parseKeelFile(JSON.stringify(file));
    if (result.ok) return [];
    if (result.error.kind !== 'invalid') throw new Error(JSON.stringify(result.error));
    return result.error.problems;
  }
  const at = 'data.matrices.0';

  it('accepts the fixture as it is', () => {
    expect(problems(() => {})).toEqual([]);
  });

  it('refuses links to metrics and functions that are not in the file, or a metric linked twice', () => {
    expect(problems((m) => (m.criteria[0]!.metricId = 'gone'))).toEqual([`${at}.criteria.0.metricId: no metric gone in the file`]);
    expect(problems((m) => (m.criteria[1]!.metricId = m.criteria[0]!.metricId))).toEqual([
      expect.stringMatching(/^data\.matrices\.0\.criteria\.1\.metricId: metric .* is linked twice in this matrix$/),
    ]);
    expect(problems((m) => (m.functionWeights[0]!.functionId = 'gone'))).toEqual([`${at}.functionWeights.0.functionId: no function gone in the file`]);
    expect(problems((m) => (m.functionWeights[1]!.functionId = m.functionWeights[0]!.functionId))).toEqual([
      expect.stringMatching(/^data\.matrices\.0\.functionWeights\.1\.functionId: function .* has weights twice$/),
    ]);
  });

  it('refuses repeated options, criteria and cells, and cells of options or criteria not in the matrix', () => {
    expect(problems((m) => m.options.push({ ...m.options[0]! }))).toEqual([expect.stringMatching(/options\.3\.id: option .* is listed twice$/)]);
    expect(problems((m) => m.criteria.push({ ...m.criteria[3]! }))).toEqual([expect.stringMatching(/criteria\.4\.id: criterion .* is listed twice$/)]);
    expect(problems((m) => m.scores.push({ ...m.scores[0]! }))).toEqual([expect.stringMatching(/scores\.12: option .* is scored twice on criterion .*$/)]);
    expect(problems((m) => (m.scores[0]!.optionId = 'gone'))).toEqual([`${at}.scores.0.optionId: no option gone in this matrix`]);
    expect(problems((m) => (m.scores[0]!.criterionId = 'gone'))).toEqual([`${at}.scores.0.criterionId: no criterion gone in this matrix`]);
  });

  it('refuses a value outside the matrix\'s own scale', () => {
    // 4 is on the rating scale but not on the effect scale (-3 to 3) this matrix uses.
    expect(problems((m) => (m.scores[0]!.value = 4))).toEqual([`${at}.scores.0.value: 4 is outside the effect scale of -3 to 3`]);
    expect(problems((m) => (m.scores[0]!.value = 1.5))).not.toEqual([]);
    const second = (edit: (m: MatrixFileType) => void) => problems((_m, data) => edit(data.matrices[1]!));
    expect(second((m) => (m.scores[0]!.value = -1))).toEqual(['data.matrices.1.scores.0.value: -1 is outside the rating scale of 1 to 5']);
    expect(second((m) => (m.scores[0]!.confidence = 'sure' as never))).not.toEqual([]);
  });

  it('refuses weights and judgements of criteria not in the matrix', () => {
    expect(problems((m) => (m.functionWeights[0]!.weights.gone = 1))).toEqual([`${at}.functionWeights.0.weights.gone: no criterion gone in this matrix`]);
    expect(problems((m) => (m.functionWeights[0]!.weights[m.criteria[0]!.id] = -1))).not.toEqual([]);
    expect(problems((m) => (m.functionWeights[1]!.judgements![`${m.criteria[0]!.id}|gone`] = 3))).toEqual([
      expect.stringMatching(/functionWeights\.1\.judgements\..*\|gone: expected two different criteria of this matrix$/),
    ]);
    expect(problems((m) => (m.functionWeights[1]!.judgements![`${m.criteria[0]!.id}|${m.criteria[1]!.id}`] = 10))).not.toEqual([]);
    expect(problems((_m, data) => ((data.matrices[1]!.combined as { weights: Record<string, number> }).weights.gone = 1))).toEqual(['data.matrices.1.combined.weights.gone: no criterion gone in this matrix']);
  });

  it('refuses decisions naming options or criteria not in the matrix, and a standing decision marked reopened', () => {
    expect(problems((m) => (m.decision!.optionId = 'gone'))).toEqual([`${at}.decision.optionId: no option gone in this matrix`]);
    expect(problems((m) => (m.decision!.recommendedId = 'gone'))).toEqual([`${at}.decision.recommendedId: no option gone in this matrix`]);
    expect(problems((m) => (m.decision!.tradedAway = ['gone']))).toEqual([`${at}.decision.tradedAway.0: no criterion gone in this matrix`]);
    expect(problems((m) => (m.pastDecisions[0]!.optionId = 'gone'))).toEqual([`${at}.pastDecisions.0.optionId: no option gone in this matrix`]);
    expect(problems((m) => (m.decision!.reopened = { at: '2026-12-03T00:00:00.000Z', reason: 'x' } as never))).not.toEqual([]);
    expect(problems((m) => (m.pastDecisions[0]!.reopened = null as never))).not.toEqual([]);
    expect(problems((m) => (m.decision!.rationale = ''))).not.toEqual([]);
  });

  it('refuses a matrix id used by another record', () => {
    expect(problems((m, data) => (m.id = data.metrics[0]!.id))).toEqual([expect.stringMatching(/^id .* is used twice$/)]);
  });
});

describe('a file labelled with an older format version', () => {
  const current = () => JSON.parse(fixture('format-v4/support-assistant.keel.json')) as KeelFileType;
  const counts = (text: string) => {
    const result = parseKeelFile(text);
    if (!result.ok) throw new Error(describeImportError(result.error));
    return Object.fromEntries(Object.entries(result.snapshot.owned).map(([table, rows]) => [table, rows.length]));
  };

  it('is migrated by adding what is missing: a current file labelled 1, 2 or 3 keeps everything it holds', () => {
    const expected = counts(JSON.stringify(current()));
    expect(expected.matrices).toBe(2);
    for (const formatVersion of [1, 2, 3]) expect(counts(JSON.stringify({ ...current(), formatVersion }))).toEqual(expected);
    // The staleness rule and the items' links are kept, not reset to the defaults of the older version.
    const v1 = parseKeelFile(JSON.stringify({ ...current(), formatVersion: 1, program: { ...current().program, staleAfterDays: 12 } }));
    expect(v1.ok && v1.snapshot.program.staleAfterDays).toBe(12);
    const items = (v1.ok ? v1.snapshot.owned.uncertaintyItems : []) as unknown as UncertaintyItem[];
    expect(items.some((i) => i.metricIds.length > 0)).toBe(true);
  });

  it('is refused with a sentence when its content does not fit its label', () => {
    const file = { ...current(), formatVersion: 3, data: { ...current().data, matrices: 'none' } };
    const result = parseKeelFile(JSON.stringify(file));
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', labelledVersion: 3 } });
    if (!result.ok) expect(describeImportError(result.error, 'plan.keel.json')).toMatch(/^plan.keel.json says it is format version 3, but its content does not fit: data.matrices/);
  });
});

describe('files that would break the reader', () => {
  const nested = (depth: number, open: string, close: string) => `${open.repeat(depth)}1${close.repeat(depth)}`;

  it('refuses 100,000 levels of nesting with a sentence instead of overflowing the stack', () => {
    for (const deep of [nested(100_000, '[', ']'), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`]) {
      const result = parseKeelFile(`{"format":"keel","formatVersion":4,"data":${deep}}`);
      expect(result).toMatchObject({ ok: false, error: { kind: 'too-deep' } });
      if (!result.ok) expect(describeImportError(result.error)).toMatch(/nested deeper than Keel ever writes/);
    }
  });

  it('names an absurd format version plainly instead of calling it a newer Keel', () => {
    for (const version of ['1e308', '9007199254740993']) {
      const result = parseKeelFile(`{"format":"keel","formatVersion":${version}}`);
      expect(result).toMatchObject({ ok: false, error: { kind: 'bad-version' } });
      if (!result.ok) expect(describeImportError(result.error)).toMatch(/format version .* no Keel has written; this Keel reads versions 1 to 8/);
    }
  });
});
