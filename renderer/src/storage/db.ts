import { Dexie, type EntityTable } from 'dexie';
import { defaultFunctions } from '../domain/metrics/functions';
import type { Metric, ProgramFunction } from '../domain/metrics/model';
import type { Matrix } from '../domain/tradeoffs/model';
import type { Layer, UncertaintyItem } from '../domain/uncertainty/model';
import { DEFAULT_STALE_AFTER_DAYS, type Program } from '../domain/program';
import { defaultLayers } from '../domain/uncertainty/stack';
import { newId } from '../domain/ids';
import type { RoadmapItem } from '../domain/roadmap/model';
import type { DecisionRecord } from '../domain/decisions/model';
import type { ScopeChange } from '../domain/scope/model';
import type { Action } from '../domain/actions/model';
import type { RevisitReview } from '../domain/revisit/model';
import type { Capture, Session, VoteRound } from '../domain/sessions/model';
import type { SessionSnapshot } from '../domain/sessions/snapshot';
import type { Submission } from '../domain/room/model';
import { upgradeToPlan } from './upgrade-plan';

export const DB_NAME = 'keel';

/**
 * The app's IndexedDB database. Every published version() stays here forever; a change of
 * shape adds a new version with an upgrade(), so a database of any earlier Keel opens.
 */
export class KeelDB extends Dexie {
  programs!: EntityTable<Program, 'id'>;
  layers!: EntityTable<Layer, 'id'>;
  uncertaintyItems!: EntityTable<UncertaintyItem, 'id'>;
  functions!: EntityTable<ProgramFunction, 'id'>;
  metrics!: EntityTable<Metric, 'id'>;
  matrices!: EntityTable<Matrix, 'id'>;
  roadmapItems!: EntityTable<RoadmapItem, 'id'>;
  decisions!: EntityTable<DecisionRecord, 'id'>;
  scopeChanges!: EntityTable<ScopeChange, 'id'>;
  actions!: EntityTable<Action, 'id'>;
  revisitReviews!: EntityTable<RevisitReview, 'id'>;
  sessions!: EntityTable<Session, 'id'>;
  captures!: EntityTable<Capture, 'id'>;
  votes!: EntityTable<VoteRound, 'id'>;
  snapshots!: EntityTable<SessionSnapshot, 'id'>;
  submissions!: EntityTable<Submission, 'id'>;

  constructor(name: string = DB_NAME) {
    // Strict durability: an acknowledged edit is flushed to disk, not only handed to the OS.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({
      programs: 'id, updatedAt',
    });
    // 2: the uncertainty map. Existing programs get the default AI stack and staleness rule.
    this.version(2)
      .stores({
        layers: 'id, programId',
        uncertaintyItems: 'id, programId, layerId',
      })
      .upgrade(async (tx) => {
        const programs = (await tx.table('programs').toArray()) as Program[];
        for (const program of programs) {
          await tx.table('programs').update(program.id, { staleAfterDays: DEFAULT_STALE_AFTER_DAYS });
          await tx.table('layers').bulkAdd(defaultLayers(program.id, newId));
        }
      });
    // 3: shared metrics. Existing programs get engineering, product and leadership, and their
    // items an empty list of linked metrics.
    this.version(3)
      .stores({
        functions: 'id, programId',
        metrics: 'id, programId',
      })
      .upgrade(async (tx) => {
        const programs = (await tx.table('programs').toArray()) as Program[];
        for (const program of programs) {
          await tx.table('functions').bulkAdd(defaultFunctions(program.id, newId));
        }
        // Items can now name the metrics they bear on.
        await tx
          .table('uncertaintyItems')
          .toCollection()
          .modify((item: Partial<UncertaintyItem>) => {
            item.metricIds ??= [];
          });
      });
    // 4: trade-off matrices, one row each. Nothing existing changes shape.
    this.version(4).stores({
      matrices: 'id, programId',
    });
    // 5: the adaptive plan: roadmap, decision log, scope changes, actions, and the reviews that
    // clear revisit flags. Standing matrix decisions enter the log (upgrade-plan.ts).
    this.version(5)
      .stores({
        roadmapItems: 'id, programId',
        decisions: 'id, programId, matrixId',
        scopeChanges: 'id, programId',
        actions: 'id, programId',
        revisitReviews: 'id, programId',
      })
      .upgrade(upgradeToPlan);
    // 6: planning sessions, what they captured, their voting rounds and the snapshots they keep.
    // Nothing existing changes shape; snapshots have a table of their own so opening a program
    // with many sessions never reads them.
    this.version(6).stores({
      sessions: 'id, programId',
      captures: 'id, programId, sessionId',
      votes: 'id, programId, sessionId',
      snapshots: 'id, programId, sessionId',
    });
    // 7: room mode: what participants submitted from their own devices, kept with the session.
    // The compound index finds a resent submission (same participant, same client id) at once.
    this.version(7).stores({
      submissions: 'id, programId, sessionId, [sessionId+participantId+clientId]',
    });
  }

  /** The newest schema version this build knows. */
  get knownVersion(): number {
    return this.verno;
  }

  /**
   * Opens the database, refusing one written by a newer Keel. Dexie 4 would open it anyway
   * and let this older code write rows in an old shape, so we check IndexedDB's own version
   * (Dexie stores version n as n * 10) and close without touching anything.
   */
  async openChecked(): Promise<void> {
    const known = this.knownVersion;
    await this.open();
    const stored = this.backendDB().version / 10;
    if (stored > known) {
      this.close();
      throw new NewerDatabaseError(stored, known);
    }
  }
}

export class NewerDatabaseError extends Error {
  override readonly name = 'NewerDatabaseError';
  constructor(
    readonly storedVersion: number,
    readonly knownVersion: number,
  ) {
    super(`The database is at version ${storedVersion}; this build knows up to ${knownVersion}.`);
  }
}

/**
 * Tables whose rows belong to one program (they carry a `programId`). Duplicate, export,
 * import and delete-forever walk this list, so a later area only has to add its table here.
 */
export const PROGRAM_OWNED_TABLES: readonly string[] = [
  'layers',
  'uncertaintyItems',
  'functions',
  'metrics',
  'matrices',
  'roadmapItems',
  'decisions',
  'scopeChanges',
  'actions',
  'revisitReviews',
  'sessions',
  'captures',
  'votes',
  'snapshots',
  'submissions',
];
