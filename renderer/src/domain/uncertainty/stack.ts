import type { Layer } from './model';

/** The AI uncertainty stack a new program starts with; every part of it can be edited. */
export const DEFAULT_STACK: readonly Omit<Layer, 'id' | 'programId' | 'order'>[] = [
  {
    name: 'Scope and requirements',
    description: 'What the system must do and for whom; requirements that shift as the team learns.',
    color: '#4e79a7',
  },
  {
    name: 'Data',
    description: 'Availability, quality, drift, labelling and rights to the data the system learns from or retrieves.',
    color: '#f28e2b',
  },
  {
    name: 'Model behaviour',
    description: 'Accuracy, hallucination, robustness and consistency of the model on real inputs.',
    color: '#e15759',
  },
  {
    name: 'Users and adoption',
    description: 'Whether people trust, use and benefit from it; how behaviour changes around it.',
    color: '#76b7b2',
  },
  {
    name: 'Cost and infrastructure',
    description: 'Inference cost, latency, capacity and the platforms it depends on.',
    color: '#59a14f',
  },
  {
    name: 'Security and compliance',
    description: 'Prompt injection, data leakage, regulation, audit and privacy obligations.',
    color: '#b07aa1',
  },
  {
    name: 'Organisation and delivery',
    description: 'Skills, ownership, funding, decision rights and the pace the organisation can absorb.',
    color: '#9c755f',
  },
];

/** Extra colours offered for new layers, distinguishable in light and dark themes. */
export const LAYER_PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

export function defaultLayers(programId: string, makeId: () => string): Layer[] {
  return DEFAULT_STACK.map((layer, order) => ({ ...layer, id: makeId(), programId, order }));
}

export function nextLayerColor(layers: readonly Layer[]): string {
  const used = new Set(layers.map((l) => l.color));
  return LAYER_PALETTE.find((c) => !used.has(c)) ?? LAYER_PALETTE[layers.length % LAYER_PALETTE.length]!;
}
