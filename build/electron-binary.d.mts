export function electronBinary(): string | undefined;
export function downloadElectronBinary(options?: { timeoutMs?: number }): Promise<{ binary: string; problem?: undefined } | { binary?: undefined; problem: string }>;
