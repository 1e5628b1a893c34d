import type { LinkKind } from '../domain/links';
import type { ProgramArea } from './routes';

/** The area a record of each kind opens in (#/programs/<id>/<area>/<recordId>). */
export const RECORD_AREAS = {
  uncertainty: 'uncertainty',
  metric: 'metrics',
  matrix: 'tradeoffs',
  roadmapItem: 'roadmap',
  decision: 'decisions',
  scope: 'scope',
  action: 'actions',
  session: 'sessions',
} as const satisfies Record<LinkKind | 'session', ProgramArea>;
