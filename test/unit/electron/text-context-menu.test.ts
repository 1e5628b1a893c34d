import { describe, expect, it } from 'vitest';
import { textContextMenuTemplate, type TextMenuParams } from '../../../electron/text-context-menu.js';

const flags = { canUndo: false, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false };
const params = (extra: Partial<TextMenuParams>): TextMenuParams => ({ isEditable: false, selectionText: '', editFlags: flags, ...extra });

describe('textContextMenuTemplate', () => {
  it('a text field gets undo, redo, cut, copy, paste and select all, enabled as Chromium says', () => {
    const menu = textContextMenuTemplate(params({ isEditable: true }))!;
    expect(menu.map((item) => item.role ?? item.type)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'separator', 'selectAll']);
    expect(menu[0]).toMatchObject({ role: 'undo', enabled: false });
    expect(menu[5]).toMatchObject({ role: 'paste', enabled: true });
  });

  it('selected text elsewhere gets Copy; anything else no menu (Keel shows its own where it has one)', () => {
    expect(textContextMenuTemplate(params({ selectionText: 'Refund rules' }))).toEqual([{ role: 'copy', enabled: true }]);
    expect(textContextMenuTemplate(params({ selectionText: '  ' }))).toBeUndefined();
    expect(textContextMenuTemplate(params({}))).toBeUndefined();
  });
});
