import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import FunctionComparisonChart from '../../renderer/src/views/tradeoffs/charts/FunctionComparisonChart.svelte';
import RankingChart from '../../renderer/src/views/tradeoffs/charts/RankingChart.svelte';
import SensitivityChart from '../../renderer/src/views/tradeoffs/charts/SensitivityChart.svelte';
import { DEFAULT_WIDTH } from '../../renderer/src/charts/frame';
import { rankingGeometry } from '../../renderer/src/charts/ranking-chart';
import { criteria, functions, LONG_TITLE, options, perFunction, result, results, sensitivity } from '../unit/charts/fixtures';

// jsdom has no ResizeObserver, which bind:clientWidth uses; the charts then lay out at DEFAULT_WIDTH.
beforeAll(() => {
  if (!('ResizeObserver' in globalThis)) {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
  }
});

const rows = (container: HTMLElement) => [...container.querySelectorAll<SVGGElement>('.row')];

describe('RankingChart', () => {
  it('draws bars in rank order with the 0–100 score at the end', () => {
    const { container } = render(RankingChart, { results, options, winnerId: 'rag' });
    expect(rows(container).map((r) => r.dataset.optionId)).toEqual(['vendor', 'rag', 'ft', 'rules']);
    const rag = container.querySelector('[data-option-id="rag"]')!;
    expect(rag.querySelector('.score')).toHaveTextContent('72');
    // Longer score, longer bar: widths are proportional to the score.
    const width = (id: string) => Number(container.querySelector(`[data-option-id="${id}"] .bar`)!.getAttribute('width'));
    expect(width('vendor') / width('rag')).toBeCloseTo(0.81 / 0.72, 5);
    expect(Number(rag.querySelector('.score')!.getAttribute('x'))).toBeGreaterThan(width('rag'));
  });

  it('marks the recommendation with text and emphasis, and a vetoed option as vetoed, never recommended', () => {
    const { container } = render(RankingChart, { results, options, winnerId: 'rag' });
    const rag = container.querySelector<SVGGElement>('[data-option-id="rag"]')!;
    expect(rag.dataset.status).toBe('recommended');
    expect(rag.querySelector('.notes')).toHaveTextContent('Recommended');

    const vendor = container.querySelector<SVGGElement>('[data-option-id="vendor"]')!;
    expect(vendor.dataset.status).toBe('vetoed');
    expect(vendor.querySelector('.notes')).toHaveTextContent('Vetoed');
    expect(vendor.textContent).not.toContain('Recommended');
    // Hatched, not the solid fill of the recommendation.
    expect((vendor.querySelector('.bar') as SVGRectElement).style.fill).toMatch(/^url\(/);
    expect(container.querySelectorAll('[data-status="recommended"]')).toHaveLength(1);
  });

  it('never draws a vetoed option as recommended, even if told it is the winner', () => {
    const { container } = render(RankingChart, { results, options, winnerId: 'vendor' });
    expect(container.querySelector<SVGGElement>('[data-option-id="vendor"]')!.dataset.status).toBe('vetoed');
    expect(container.querySelectorAll('[data-status="recommended"]')).toHaveLength(0);
  });

  it('shows partial coverage, lists unscored options as text without a bar, and truncates long titles', () => {
    const { container } = render(RankingChart, { results, options, winnerId: 'rag' });
    const ft = container.querySelector('[data-option-id="ft"]')!;
    expect(ft.querySelector('.notes')).toHaveTextContent('75% scored');
    const label = ft.querySelector('.row-title')!.textContent!;
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThan(LONG_TITLE.length);
    expect(ft.querySelector('title')).toHaveTextContent(LONG_TITLE);

    const rules = container.querySelector('[data-option-id="rules"]')!;
    expect(rules.querySelector('.bar')).toBeNull();
    expect(rules.querySelector('.not-scored')).toHaveTextContent('Not scored');
  });

  it('summarises the ranking in its accessible name, and grows with the rows', () => {
    const { container } = render(RankingChart, { results, options, winnerId: 'rag' });
    expect(screen.getByRole('img')).toHaveAccessibleName(
      `Weighted ranking of 4 options, scores out of 100. Recommended: Retrieval-augmented assistant. 1. Vendor chatbot: 81 (vetoed); 2. Retrieval-augmented assistant: 72; 3. ${LONG_TITLE}: 55 (75% scored). Not scored: Rules engine.`,
    );
    const svg = container.querySelector('svg')!;
    expect(svg).toHaveAttribute('width', '100%');
    const two = rankingGeometry(results.slice(0, 2), options, 'rag', DEFAULT_WIDTH);
    const four = rankingGeometry(results, options, 'rag', DEFAULT_WIDTH);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${DEFAULT_WIDTH} ${four.height}`);
    expect(four.height - two.height).toBe(2 * (four.rows[1]!.y - four.rows[0]!.y));
  });
});

describe('FunctionComparisonChart', () => {
  const compared = options.slice(0, 3);
  const combined = [result('rag', 1, 0.73), result('ft', 2, 0.53), result('vendor', 3, null)];
  const props = { options: compared, functions, perFunction, combined, combinedWinnerId: 'rag' };

  it('draws one mark per function and option, each function in its own shape, plus the combined score', () => {
    const { container } = render(FunctionComparisonChart, props);
    expect(rows(container).map((r) => r.dataset.optionId)).toEqual(['rag', 'ft', 'vendor']);
    const rag = container.querySelector('[data-option-id="rag"]')!;
    const marks = [...rag.querySelectorAll<SVGGElement>('.marker')];
    expect(marks.map((m) => m.dataset.functionId)).toEqual(['product', 'legal', 'ops']);
    const shapes = marks.map((m) => m.querySelector('.mark')!.getAttribute('d'));
    expect(new Set(shapes).size).toBe(3);
    const colours = marks.map((m) => m.style.getPropertyValue('--fn'));
    expect(new Set(colours).size).toBe(3);
    // The legend names every function, the combined mark and the ring.
    for (const name of ['Product', 'Legal', 'Operations', 'Combined', "Ring: the function's top pick"]) {
      expect(container.querySelector('.legend')).toHaveTextContent(name);
    }
    expect(rag.querySelector('.combined')).toHaveAttribute('data-winner', 'true');
  });

  it("rings each function's own winner, so differing winners show in different rows", () => {
    const { container } = render(FunctionComparisonChart, props);
    const winners = [...container.querySelectorAll<SVGGElement>('.marker[data-winner="true"]')];
    const where = winners.map((m) => [m.dataset.functionId, m.closest<SVGGElement>('.row')!.dataset.optionId]);
    expect(where).toEqual([
      ['product', 'rag'],
      ['ops', 'rag'],
      ['legal', 'ft'],
    ]);
    for (const w of winners) expect(w.querySelector('.ring')).not.toBeNull();
    expect(container.querySelectorAll('.marker[data-winner="false"] .ring')).toHaveLength(0);
    expect(container.querySelector('[data-option-id="rag"] .info')).toHaveTextContent('Recommended · Top for Product, Operations');
    expect(container.querySelector('[data-option-id="ft"] .info')).toHaveTextContent('Top for Legal');
  });

  it('keeps marks with the same score apart, and places marks on the 0–100 axis', () => {
    const { container } = render(FunctionComparisonChart, props);
    const rag = container.querySelector('[data-option-id="rag"]')!;
    const position = (id: string) => {
      const m = /translate\(([\d.]+),([\d.]+)\)/.exec(rag.querySelector(`[data-function-id="${id}"]`)!.getAttribute('transform')!)!;
      return { x: Number(m[1]), y: Number(m[2]) };
    };
    // Product and Ops both give 80: same x, different heights.
    expect(position('product').x).toBeCloseTo(position('ops').x);
    expect(position('product').y).not.toBeCloseTo(position('ops').y);
    const labels = [...container.querySelectorAll('.axis text')].map((t) => t.textContent);
    expect(labels[0]).toBe('0');
    expect(labels.at(-1)).toBe('100');
    const ticks = [...container.querySelectorAll('.axis text')];
    const x0 = Number(ticks[0]!.getAttribute('x'));
    const x100 = Number(ticks.at(-1)!.getAttribute('x'));
    expect(position('legal').x).toBeCloseTo(x0 + 0.6 * (x100 - x0));
  });

  it('shows an option without any score as text', () => {
    const { container } = render(FunctionComparisonChart, {
      ...props,
      perFunction: perFunction.map((f) => ({ ...f, results: f.results.map((r) => (r.optionId === 'vendor' ? { ...r, score: null } : r)) })),
    });
    const vendor = container.querySelector('[data-option-id="vendor"]')!;
    expect(vendor.querySelector('.not-scored')).toHaveTextContent('Not scored');
    expect(vendor.querySelectorAll('.marker')).toHaveLength(0);
  });

  it('summarises the picks and the disagreement in its accessible name', () => {
    render(FunctionComparisonChart, props);
    expect(screen.getByRole('img')).toHaveAccessibleName(
      `Scores out of 100 of 3 options under each function's weights and the combined weights. Recommended with the combined weights: Retrieval-augmented assistant. Top pick by function: Product, Retrieval-augmented assistant; Legal, ${LONG_TITLE}; Operations, Retrieval-augmented assistant. Legal picks a different option from the recommendation.`,
    );
  });
});

describe('SensitivityChart', () => {
  const props = { sensitivity, criteria, options, winnerId: 'rag' };
  const num = (el: Element | null, name: string) => Number(el!.getAttribute(name));

  it('draws the band where the winner holds at its low and high on the weight track, and the current weight', () => {
    const { container } = render(SensitivityChart, props);
    expect(rows(container).map((r) => r.dataset.criterionId)).toEqual(['acc', 'lat', 'cost']);
    for (const s of sensitivity) {
      const row = container.querySelector(`[data-criterion-id="${s.criterionId}"]`)!;
      const track = row.querySelector('.track');
      const at = (share: number) => num(track, 'x') + share * num(track, 'width');
      const band = row.querySelector('.band');
      expect(num(band, 'x')).toBeCloseTo(at(s.low));
      expect(num(band, 'x') + num(band, 'width')).toBeCloseTo(at(s.high));
      expect(num(row.querySelector('.weight'), 'x1')).toBeCloseTo(at(s.weight));
    }
  });

  it('labels who takes over below and above, or that the winner holds', () => {
    const { container } = render(SensitivityChart, props);
    const lat = container.querySelector('[data-criterion-id="lat"]')!;
    expect(lat.querySelector('.below')).toHaveTextContent('← Vendor chatbot below 12%');
    // A long title is cut, never the threshold.
    expect(lat.querySelector('.above')!.textContent).toMatch(/^Fine-tune .*… above 36% →$/);
    expect(lat.querySelector('.note')).toHaveTextContent('now 30%');
    expect(container.querySelector('[data-criterion-id="acc"] .below')).toHaveTextContent('← Fine-tune');
    expect(container.querySelector('[data-criterion-id="acc"] .above')).toBeNull();
    expect(container.querySelector('[data-criterion-id="cost"] .holds')).toHaveTextContent('Winner holds at any weight');
  });

  it('highlights the criterion with the smallest flip distance and draws its flip', () => {
    // Latency: 0.36 − 0.30 = 0.06 beats Accuracy's 0.50 − 0.20 and Latency's own 0.30 − 0.12.
    const { container } = render(SensitivityChart, props);
    const highlighted = container.querySelectorAll<SVGGElement>('[data-highlighted="true"]');
    expect([...highlighted].map((r) => r.dataset.criterionId)).toEqual(['lat']);
    const lat = highlighted[0]!;
    expect(lat.querySelector('.highlight')).not.toBeNull();
    expect(lat.querySelector('.note')).toHaveTextContent('Smallest flip · now 30%');
    const track = lat.querySelector('.track');
    const flip = lat.querySelector('.flip');
    expect(num(flip, 'x2')).toBeCloseTo(num(track, 'x') + 0.36 * num(track, 'width'));
    expect(container.querySelectorAll('.row .flip')).toHaveLength(1);
    // Each row tells its whole story in a tooltip.
    expect(lat.querySelector(':scope > title')).toHaveTextContent(
      `Weight of Latency p95 can move from 12% to 36% (now 30%) before Vendor chatbot (below 12%) or ${LONG_TITLE} (above 36%) overtakes Retrieval-augmented assistant.`,
    );
  });

  it('summarises the flip and every criterion in its accessible name', () => {
    render(SensitivityChart, props);
    const name = screen.getByRole('img').getAttribute('aria-label')!;
    expect(name).toMatch(/^How far each criterion's weight can move, on its own, before Retrieval-augmented assistant stops being the winner\./);
    expect(name).toContain(`The smallest single change that flips the winner: Latency p95 from 30% to 36% makes ${LONG_TITLE} the winner.`);
    expect(name).toContain('Weight of Cost per call can take any value from 0% to 100% without changing the winner.');
  });

  it('has no highlight when no single change flips the winner', () => {
    const { container } = render(SensitivityChart, { ...props, sensitivity: [sensitivity[2]!] });
    expect(container.querySelectorAll('[data-highlighted="true"]')).toHaveLength(0);
    expect(container.querySelector('.legend')).not.toHaveTextContent('Smallest change');
  });
});
