import { z } from 'zod/mini';
import { text } from './format-parts';

// The frozen basis of a trade-off matrix's decision, as the decision log keeps it.
// (First shape; the decision log's work fills it in to match domain/decisions/basis.ts.)
export const MatrixBasisFileSchema = z.strictObject({
  question: text(0, 1000),
});
