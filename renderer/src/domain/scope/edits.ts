import { checkOneLine, type Check } from '../check';
import { SCOPE_TITLE_MAX } from './model';

// The scope changes' rules for what may be stored: forms, repositories and the file format share them.

export function checkScopeTitle(raw: string): Check<string> {
  return checkOneLine(raw, SCOPE_TITLE_MAX, 'change', 'Say what changed.');
}
