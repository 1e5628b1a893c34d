// The text writers in one lazily loaded piece: what state/text-export.svelte.ts imports on the
// first save, so none of them (nor yaml and fflate) weighs on the start-up bundle.
export { csvFile, csvFileName, csvFiles } from './csv-tables';
export { madrFile, madrFileName, madrFiles } from './madr';
export { markdownSummary, SUMMARY_FILE } from './markdown';
export { openSloExport } from './openslo';
export { zipTextFiles } from './zip';
