// Types of report-program.mjs (plain JavaScript, so the Node benchmark can run it as is).
export declare const FIXTURE_V7: string;
export declare function writeProgramWithItems(count: number, name: string, path: string): string;
