import { checkOneLine, type Check } from '../check';
import { ACTION_TITLE_MAX } from './model';

// The actions' rules for what may be stored: forms, repositories and the file format share them.

export function checkActionTitle(raw: string): Check<string> {
  return checkOneLine(raw, ACTION_TITLE_MAX, 'action', 'Say what is to be done.');
}
