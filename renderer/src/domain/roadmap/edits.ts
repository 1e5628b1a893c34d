import { checkOneLine, type Check } from '../check';
import { ROADMAP_TITLE_MAX } from './model';

// The roadmap's rules for what may be stored: forms, repositories and the file format share them.

export function checkRoadmapTitle(raw: string): Check<string> {
  return checkOneLine(raw, ROADMAP_TITLE_MAX, 'title', 'Give the roadmap item a title.');
}
