import { safeFileStem } from './file-names';
import { MAX_IMPORT_BYTES } from '../../../electron/ipc-contract';
import type { OwnedRow, ProgramSnapshot } from '../domain/snapshot';
import type { Layer, UncertaintyItem } from '../domain/uncertainty/model';
import type { Metric, ProgramFunction, Signoff } from '../domain/metrics/model';
import { judgesTwoOf, SCALES, type Decision, type Judgements, type Matrix, type StoredCombined } from '../domain/tradeoffs/model';
import { CURRENT_FORMAT_VERSION, FILE_EXTENSION, FORMAT_NAME, WORKSPACE_FORMAT_NAME, KeelFileSchema, type KeelFileType, type MatrixFileType } from './format';
import type { ImportError } from './import-errors';
import { migrateFile } from './migrations';
import { oldestFirst } from '../domain/order';
import { brokenPlanReferences, planFromFile, planToFile } from './plan-file';
import { brokenSessionReferences, sessionsFromFile, sessionsToFile } from './session-file';

export type ParseResult = { ok: true; snapshot: ProgramSnapshot; file: KeelFileType } | { ok: false; error: ImportError };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const iso = (time: number) => new Date(time).toISOString();

/** Serialises one program to the text of a .keel.json file. Rows are written without programId. */
export function serializeProgram(snapshot: ProgramSnapshot, appVersion: string, exportedAt: Date): string {
  return `${JSON.stringify(programFile(snapshot, appVersion, exportedAt), null, 2)}\n`;
}

/** One program as a .keel.json file's content (a workspace file holds one per program). */
export function programFile(snapshot: ProgramSnapshot, appVersion: string, exportedAt: Date): KeelFileType {
  const { program } = snapshot;
  const layers = ((snapshot.owned.layers ?? []) as unknown as Layer[]).slice().sort((a, b) => a.order - b.order);
  const items = (snapshot.owned.uncertaintyItems ?? []) as unknown as UncertaintyItem[];
  const functions = ((snapshot.owned.functions ?? []) as unknown as ProgramFunction[]).slice().sort((a, b) => a.order - b.order);
  const metrics = oldestFirst((snapshot.owned.metrics ?? []) as unknown as Metric[]);
  const matrices = oldestFirst((snapshot.owned.matrices ?? []) as unknown as Matrix[]);
  const signoffsOut = (signoffs: readonly Signoff[]) => signoffs.map((s) => ({ ...s, at: iso(s.at) }));
  const decisionOut = (d: Decision) => ({ ...d, recordedAt: iso(d.recordedAt) });
  return {
    format: FORMAT_NAME,
    formatVersion: CURRENT_FORMAT_VERSION,
    appVersion,
    exportedAt: exportedAt.toISOString(),
    program: {
      id: program.id,
      name: program.name,
      description: program.description,
      createdAt: iso(program.createdAt),
      updatedAt: iso(program.updatedAt),
      staleAfterDays: program.staleAfterDays,
    },
    data: {
      layers: layers.map(({ programId: _p, ...layer }) => layer),
      uncertaintyItems: items.map(({ programId: _p, ...item }) => ({
        ...item,
        history: item.history.map((point) => ({ ...point, at: iso(point.at) })),
        createdAt: iso(item.createdAt),
        updatedAt: iso(item.updatedAt),
      })),
      functions: functions.map(({ programId: _p, ...fn }) => fn),
      metrics: metrics.map(({ programId: _p, ...metric }) => ({
        ...metric,
        signoffs: signoffsOut(metric.signoffs),
        versions: metric.versions.map((v) => ({ ...v, signoffs: signoffsOut(v.signoffs), supersededAt: iso(v.supersededAt) })),
        createdAt: iso(metric.createdAt),
        updatedAt: iso(metric.updatedAt),
      })),
      matrices: matrices.map(({ programId: _p, ...matrix }) => ({
        ...matrix,
        decision: matrix.decision ? { ...decisionOut(matrix.decision), reopened: null } : null,
        pastDecisions: matrix.pastDecisions.map((d) => ({
          ...decisionOut(d),
          reopened: { at: iso(d.reopened?.at ?? d.recordedAt), reason: d.reopened?.reason ?? '' },
        })),
        createdAt: iso(matrix.createdAt),
        updatedAt: iso(matrix.updatedAt),
      })),
      ...planToFile(snapshot),
      ...sessionsToFile(snapshot),
    },
  };
}

/**
 * Keel writes at most six levels of nesting (data.matrices[i].pastDecisions[j].reopened.at);
 * deeper files are not Keel's, and refusing them keeps every later step's recursion shallow.
 */
const MAX_NESTING = 64;

export type StructureProblem = { kind: 'forbidden-key'; path: string } | { kind: 'too-deep'; limit: number };

/**
 * Finds a key that could pollute prototypes if the data were ever merged or spread, or nesting
 * deeper than MAX_NESTING. Walks with its own stack, so no file can overflow the call stack.
 */
export function findStructureProblem(root: unknown): StructureProblem | undefined {
  const stack: { value: object; path: string; depth: number }[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (value !== null && typeof value === 'object') stack.push({ value, path, depth });
  };
  visit(root, '', 0);
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    if (depth >= MAX_NESTING) return { kind: 'too-deep', limit: MAX_NESTING };
    // Children are pushed last to first, so the file is walked in its own order.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) visit(value[i], `${path}[${i}]`, depth + 1);
      continue;
    }
    const keys = Object.keys(value);
    const at = (key: string) => (path ? `${path}.${key}` : key);
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
    if (forbidden !== undefined) return { kind: 'forbidden-key', path: at(forbidden) };
    for (let i = keys.length - 1; i >= 0; i--) visit((value as Record<string, unknown>)[keys[i]!], at(keys[i]!), depth + 1);
  }
  return undefined;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The one pipeline every imported file goes through: size, JSON, envelope, version, migration,
 * strict validation. Returns typed errors; never throws for bad input.
 */
export function parseKeelFile(text: string, limitBytes = MAX_IMPORT_BYTES): ParseResult {
  try {
    return parseWithinLimit(text, limitBytes);
  } catch (error) {
    // Every known way a file can fail is a typed error above; this keeps the promise for the unknown ones.
    return { ok: false, error: { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
}

function parseWithinLimit(text: string, limitBytes: number): ParseResult {
  const json = parseJsonWithinLimit(text, limitBytes);
  return json.ok ? parseKeelValue(json.raw) : json;
}

/** JSON text within the size limit, parsed; oversized text is refused before it is parsed. */
export function parseJsonWithinLimit(text: string, limitBytes: number): { ok: true; raw: unknown } | { ok: false; error: ImportError } {
  // Each UTF-16 unit is at least one UTF-8 byte, so this refuses without encoding huge texts.
  if (text.length > limitBytes) return { ok: false, error: { kind: 'too-large', sizeBytes: text.length, limitBytes } };
  const size = utf8Length(text);
  if (size > limitBytes) return { ok: false, error: { kind: 'too-large', sizeBytes: size, limitBytes } };
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: { kind: 'not-json', detail: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * The pipeline from parsed JSON on: envelope, structure, version, migration, strict validation,
 * references. A workspace file runs each of its programs through it.
 */
export function parseKeelValue(raw: unknown): ParseResult {
  try {
    return parseValue(raw);
  } catch (error) {
    return { ok: false, error: { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
}

function parseValue(raw: unknown): ParseResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: { kind: 'not-keel' } };
  const envelope = raw as Record<string, unknown>;
  if (envelope.format === WORKSPACE_FORMAT_NAME) return { ok: false, error: { kind: 'workspace-file' } };
  if (envelope.format !== FORMAT_NAME) return { ok: false, error: { kind: 'not-keel' } };

  const structure = findStructureProblem(raw);
  if (structure) return { ok: false, error: structure };

  const version = envelope.formatVersion;
  // Past 2^53 versions cannot be told apart: such a number is damage, not a newer Keel.
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { ok: false, error: { kind: 'bad-version', found: version, supportedVersion: CURRENT_FORMAT_VERSION } };
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      error: {
        kind: 'newer-version',
        fileVersion: version,
        supportedVersion: CURRENT_FORMAT_VERSION,
        ...(typeof envelope.appVersion === 'string' ? { appVersion: envelope.appVersion.slice(0, 50) } : {}),
      },
    };
  }

  const migrated = migrateFile(envelope, version, CURRENT_FORMAT_VERSION);
  // A file labelled older than the current version is told so: its content may be newer than its label.
  const labelled = version < CURRENT_FORMAT_VERSION ? { labelledVersion: version } : {};
  const parsed = KeelFileSchema.safeParse(migrated);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'file';
      return `${where}: ${issue.message}`;
    });
    return { ok: false, error: { kind: 'invalid', problems, ...labelled } };
  }
  const references = brokenReferences(parsed.data);
  if (references.length) return { ok: false, error: { kind: 'invalid', problems: references, ...labelled } };
  return { ok: true, file: parsed.data, snapshot: toSnapshot(parsed.data) };
}

/** References inside the file must point at records in the file. */
function brokenReferences(file: KeelFileType): string[] {
  const layerIds = new Set(file.data.layers.map((l) => l.id));
  const functionIds = new Set(file.data.functions.map((f) => f.id));
  const metricIds = new Set(file.data.metrics.map((m) => m.id));
  const problems: string[] = [];
  const seen = new Set<string>([file.program.id]);
  const d = file.data;
  const rows = [...d.layers, ...d.uncertaintyItems, ...d.functions, ...d.metrics, ...d.matrices];
  for (const row of [...rows, ...d.roadmapItems, ...d.decisions, ...d.scopeChanges, ...d.actions, ...d.revisitReviews]) {
    if (seen.has(row.id)) problems.push(`id ${row.id} is used twice`);
    seen.add(row.id);
  }
  file.data.uncertaintyItems.forEach((item, i) => {
    if (!layerIds.has(item.layerId)) problems.push(`data.uncertaintyItems.${i}.layerId: no layer ${item.layerId} in the file`);
    item.metricIds.forEach((id, j) => {
      if (!metricIds.has(id)) problems.push(`data.uncertaintyItems.${i}.metricIds.${j}: no metric ${id} in the file`);
    });
  });
  // Earlier versions may name functions removed since; the current owner must exist. (Current
  // sign-offs of a function not in the file are dropped on reading, as removing it would.)
  file.data.metrics.forEach((metric, i) => {
    if (metric.ownerFunctionId && !functionIds.has(metric.ownerFunctionId)) {
      problems.push(`data.metrics.${i}.ownerFunctionId: no function ${metric.ownerFunctionId} in the file`);
    }
    if (metric.versions.some((v, j) => v.version !== j + 1) || metric.version !== metric.versions.length + 1) {
      problems.push(`data.metrics.${i}.versions: versions must run 1, 2, 3 ... up to the current one`);
    }
  });
  file.data.matrices.forEach((matrix, i) => problems.push(...brokenMatrixReferences(matrix, `data.matrices.${i}`, metricIds, functionIds)));
  problems.push(...brokenPlanReferences(file));
  problems.push(...brokenSessionReferences(file));
  return problems;
}

/** A matrix's links to metrics and functions, and its cells, weights and decisions, must fit together. */
function brokenMatrixReferences(matrix: MatrixFileType, at: string, metricIds: ReadonlySet<string>, functionIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const optionIds = new Set<string>();
  matrix.options.forEach((o, j) => {
    if (optionIds.has(o.id)) problems.push(`${at}.options.${j}.id: option ${o.id} is listed twice`);
    optionIds.add(o.id);
  });
  const criterionIds = new Set<string>();
  const linked = new Set<string>();
  matrix.criteria.forEach((c, j) => {
    if (criterionIds.has(c.id)) problems.push(`${at}.criteria.${j}.id: criterion ${c.id} is listed twice`);
    criterionIds.add(c.id);
    if (!c.metricId) return;
    if (!metricIds.has(c.metricId)) problems.push(`${at}.criteria.${j}.metricId: no metric ${c.metricId} in the file`);
    else if (linked.has(c.metricId)) problems.push(`${at}.criteria.${j}.metricId: metric ${c.metricId} is linked twice in this matrix`);
    linked.add(c.metricId);
  });
  const { min, max } = SCALES[matrix.mode];
  const cells = new Set<string>();
  matrix.scores.forEach((s, j) => {
    if (!optionIds.has(s.optionId)) problems.push(`${at}.scores.${j}.optionId: no option ${s.optionId} in this matrix`);
    if (!criterionIds.has(s.criterionId)) problems.push(`${at}.scores.${j}.criterionId: no criterion ${s.criterionId} in this matrix`);
    const cell = `${s.optionId}:${s.criterionId}`;
    if (cells.has(cell)) problems.push(`${at}.scores.${j}: option ${s.optionId} is scored twice on criterion ${s.criterionId}`);
    cells.add(cell);
    if (s.value !== null && (s.value < min || s.value > max)) {
      problems.push(`${at}.scores.${j}.value: ${s.value} is outside the ${matrix.mode} scale of ${min} to ${max}`);
    }
  });
  const weightProblems = (where: string, weights: Record<string, number>, judgements: Judgements | null) => {
    for (const key of Object.keys(weights)) {
      if (!criterionIds.has(key)) problems.push(`${where}.weights.${key}: no criterion ${key} in this matrix`);
    }
    for (const key of Object.keys(judgements ?? {})) {
      if (!judgesTwoOf(key, criterionIds)) problems.push(`${where}.judgements.${key}: expected two different criteria of this matrix`);
    }
  };
  const weighted = new Set<string>();
  matrix.functionWeights.forEach((f, j) => {
    const where = `${at}.functionWeights.${j}`;
    if (!functionIds.has(f.functionId)) problems.push(`${where}.functionId: no function ${f.functionId} in the file`);
    else if (weighted.has(f.functionId)) problems.push(`${where}.functionId: function ${f.functionId} has weights twice`);
    weighted.add(f.functionId);
    weightProblems(where, f.weights, f.judgements);
  });
  if (matrix.combined.weights) weightProblems(`${at}.combined`, matrix.combined.weights, matrix.combined.judgements ?? null);
  const decisionProblems = (where: string, d: MatrixFileType['pastDecisions'][number] | NonNullable<MatrixFileType['decision']>) => {
    if (!optionIds.has(d.optionId)) problems.push(`${where}.optionId: no option ${d.optionId} in this matrix`);
    if (d.recommendedId !== null && !optionIds.has(d.recommendedId)) problems.push(`${where}.recommendedId: no option ${d.recommendedId} in this matrix`);
    d.tradedAway.forEach((c, k) => {
      if (!criterionIds.has(c)) problems.push(`${where}.tradedAway.${k}: no criterion ${c} in this matrix`);
    });
  };
  if (matrix.decision) decisionProblems(`${at}.decision`, matrix.decision);
  matrix.pastDecisions.forEach((d, j) => decisionProblems(`${at}.pastDecisions.${j}`, d));
  return problems;
}

function toSnapshot(file: KeelFileType): ProgramSnapshot {
  const p = file.program;
  const programId = p.id;
  const layers: Layer[] = file.data.layers.map((layer) => ({ ...layer, programId }));
  const items: UncertaintyItem[] = file.data.uncertaintyItems.map((item) => ({
    ...item,
    programId,
    tags: [...item.tags],
    metricIds: [...item.metricIds],
    evidence: item.evidence.map((e) => ({ ...e })),
    history: item.history.map((point) => ({ ...point, at: Date.parse(point.at) })),
    createdAt: Date.parse(item.createdAt),
    updatedAt: Date.parse(item.updatedAt),
  }));
  const signoffsIn = (signoffs: readonly KeelFileType['data']['metrics'][number]['signoffs'][number][]): Signoff[] =>
    signoffs.map((s) => ({ ...s, at: Date.parse(s.at) }));
  const functions: ProgramFunction[] = file.data.functions.map((fn) => ({ ...fn, programId }));
  const functionIds = new Set(functions.map((f) => f.id));
  const metrics: Metric[] = file.data.metrics.map((metric) => ({
    ...metric,
    programId,
    baseline: { ...metric.baseline },
    target: { ...metric.target },
    guardrail: metric.guardrail ? { ...metric.guardrail } : null,
    signoffs: signoffsIn(metric.signoffs.filter((s) => functionIds.has(s.functionId))),
    versions: metric.versions.map((v) => ({
      ...v,
      baseline: { ...v.baseline },
      target: { ...v.target },
      guardrail: v.guardrail ? { ...v.guardrail } : null,
      signoffs: signoffsIn(v.signoffs),
      supersededAt: Date.parse(v.supersededAt),
    })),
    readings: metric.readings.map((r) => ({ ...r })),
    createdAt: Date.parse(metric.createdAt),
    updatedAt: Date.parse(metric.updatedAt),
  }));
  const judgementsIn = (j: Judgements | null): Judgements | null => (j ? { ...j } : null);
  const decisionIn = (d: MatrixFileType['pastDecisions'][number] | NonNullable<MatrixFileType['decision']>): Decision => ({
    ...d,
    tradedAway: [...d.tradedAway],
    recordedAt: Date.parse(d.recordedAt),
    reopened: d.reopened ? { at: Date.parse(d.reopened.at), reason: d.reopened.reason } : null,
  });
  const matrices: Matrix[] = file.data.matrices.map((matrix) => ({
    ...matrix,
    programId,
    options: matrix.options.map((o) => ({ ...o })),
    criteria: matrix.criteria.map((c) => ({ ...c })),
    scores: matrix.scores.map((s) => ({ ...s })),
    functionWeights: matrix.functionWeights.map((f) => ({ ...f, weights: { ...f.weights }, judgements: judgementsIn(f.judgements) })),
    combined: (matrix.combined.weights
      ? { mode: matrix.combined.mode, weights: { ...matrix.combined.weights }, judgements: judgementsIn(matrix.combined.judgements ?? null) }
      : { mode: 'equal' }) satisfies StoredCombined,
    decision: matrix.decision ? decisionIn(matrix.decision) : null,
    pastDecisions: matrix.pastDecisions.map(decisionIn),
    createdAt: Date.parse(matrix.createdAt),
    updatedAt: Date.parse(matrix.updatedAt),
  }));
  return {
    program: {
      id: programId,
      name: p.name,
      description: p.description,
      createdAt: Date.parse(p.createdAt),
      updatedAt: Date.parse(p.updatedAt),
      archivedAt: null,
      deletedAt: null,
      staleAfterDays: p.staleAfterDays,
    },
    owned: {
      layers: layers as unknown as OwnedRow[],
      uncertaintyItems: items as unknown as OwnedRow[],
      functions: functions as unknown as OwnedRow[],
      metrics: metrics as unknown as OwnedRow[],
      matrices: matrices as unknown as OwnedRow[],
      ...planFromFile(file.data, programId),
      ...sessionsFromFile(file.data, programId),
    },
  };
}

export { safeFileStem };

/** A file name for a program's export, safe on every OS. */
export function exportFileName(programName: string): string {
  return `${safeFileStem(programName)}${FILE_EXTENSION}`;
}
