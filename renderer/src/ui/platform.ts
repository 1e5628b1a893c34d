/** Whether this computer is a Mac, for showing shortcuts as ⌘K rather than Ctrl+K. */
export function isMacPlatform(): boolean {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  return /mac/i.test(nav.userAgentData?.platform || nav.platform || '');
}
