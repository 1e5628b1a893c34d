// What a trade-off matrix's decision was made on, frozen at the moment of deciding so the record
// stays readable in full after the matrix is reopened and changed.
// (First shape; the decision log's work fills it in.)

export interface MatrixBasis {
  question: string;
}
