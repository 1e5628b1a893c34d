import { checkOneLine, type Check } from '../check';
import { DECISION_TITLE_MAX } from './model';

// The decision log's rules for what may be stored: forms, repositories and the file format share them.

export function checkDecisionTitle(raw: string): Check<string> {
  return checkOneLine(raw, DECISION_TITLE_MAX, 'title', 'Give the decision a title.');
}
