import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssString, reportFileStem, reportPageCss, reportTitle, REPORT_PAGE_SIZES } from '../../../../renderer/src/domain/report/pages';

/** Reads a CSS string literal back the way a CSS parser does (escapes undone). */
function readCssString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

describe('report pages', () => {
  it('sizes the page from the paper chosen, with a landscape page of the same paper', () => {
    const a4 = reportPageCss('a4', 'Support', 'Program report');
    expect(a4).toMatch(/@page \{ size: A4;/);
    expect(a4).toMatch(/@page landscape \{ size: A4 landscape;/);
    const letter = reportPageCss('letter', 'Support', 'Program report');
    expect(letter).toMatch(/@page \{ size: letter;/);
    expect(letter).toMatch(/@page landscape \{ size: letter landscape;/);
    expect(REPORT_PAGE_SIZES.a4).toMatchObject({ widthMm: 210, heightMm: 297 });
  });

  it('runs the program and report title in the header and "n of N" at the foot, but not on the cover', () => {
    const css = reportPageCss('a4', 'Support assistant', 'Session report: Kick-off');
    expect(css).toContain('@top-left { content: "Support assistant"');
    expect(css).toContain('@top-right { content: "Session report: Kick-off"');
    expect(css).toContain('@bottom-right { content: counter(page) " of " counter(pages)');
    expect(css).toContain('@page :first { @top-left { content: none; } @top-right { content: none; } }');
    // Without a cover, page 1 keeps the header: nothing else on it would name the report.
    expect(reportPageCss('a4', 'Support assistant', 'Session report: Kick-off', false)).not.toContain('@page :first');
  });

  it('quotes any name so that it cannot end the rule it is in', () => {
    expect(cssString('a "quoted" name')).toBe('"a \\"quoted\\" name"');
    expect(cssString('back\\slash')).toBe('"back\\\\slash"');
    expect(cssString('two\nlines')).toBe('"two lines"');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (name) => {
        const literal = cssString(name);
        // Only escaped quotes inside: the literal ends where it should.
        expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])(\\\\)*"/);
        // eslint-disable-next-line no-control-regex -- the property: no control character gets through
        expect(literal).not.toMatch(/[\u0000-\u001f\u007f]/);
        const back = readCssString(literal);
        // eslint-disable-next-line no-control-regex -- what a header may show of a name with control characters
        expect(back).toBe(name.replace(/[\r\n\f]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, ''));
      }),
    );
  });

  it('names the report and its file after the program, or the program and the session', () => {
    expect(reportTitle(undefined)).toBe('Program report');
    expect(reportTitle({ title: 'Kick-off' })).toBe('Session report: Kick-off');
    expect(reportFileStem('Support', undefined)).toBe('Support report');
    expect(reportFileStem('Support', { title: 'Kick-off' })).toBe('Support Kick-off report');
  });
});
