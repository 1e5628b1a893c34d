import { describe, expect, it } from 'vitest';
import { parseTags, titlesFromPaste } from '../../../../renderer/src/domain/uncertainty/capture';

describe('titlesFromPaste', () => {
  it('makes one title per non-empty line, dropping bullets and numbering', () => {
    expect(titlesFromPaste('- Users trust answers\n\n* Data is fresh\r\n1. Cost under $0.01\n2) Legal approves\n[ ] Vendor stays\n   plain line  ')).toEqual([
      'Users trust answers',
      'Data is fresh',
      'Cost under $0.01',
      'Legal approves',
      'Vendor stays',
      'plain line',
    ]);
  });
  it('keeps hyphens inside titles', () => {
    expect(titlesFromPaste('Re-ranking helps -- maybe')).toEqual(['Re-ranking helps -- maybe']);
  });
});

describe('parseTags', () => {
  it('splits on commas, trims, and drops duplicates ignoring case', () => {
    expect(parseTags('latency, cost  ,rag, Cost,,')).toEqual(['latency', 'cost', 'rag']);
  });
});
