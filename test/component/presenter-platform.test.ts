import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeelBridge } from '../../electron/ipc-contract';
import { closePresenterWindow, holdDisplayAwake, openPresenterWindow } from '../../renderer/src/platform/presenter';

// The presenter's platform calls in Electron: through the bridge, never the browser's own means.
function withBridge() {
  const keel = {
    isElectron: true,
    openPresenter: vi.fn(async () => true),
    closePresenter: vi.fn(async () => undefined),
    keepDisplayAwake: vi.fn(async () => true),
  } as unknown as KeelBridge;
  window.keel = keel;
  return keel;
}

afterEach(() => {
  delete window.keel;
  vi.restoreAllMocks();
});

describe('presenter platform in Electron', () => {
  it('opens and closes the presenter through main, not window.open', async () => {
    const keel = withBridge();
    const open = vi.spyOn(window, 'open');
    await expect(openPresenterWindow('p', 's')).resolves.toBe(true);
    expect(keel.openPresenter).toHaveBeenCalledWith('p', 's');
    await closePresenterWindow();
    expect(keel.closePresenter).toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });

  it('keeps the display awake through the power-save blocker, and lets it go on release', async () => {
    const keel = withBridge();
    const hold = await holdDisplayAwake();
    expect(hold.status).toBe('on');
    expect(keel.keepDisplayAwake).toHaveBeenCalledWith(true);
    hold.release();
    expect(keel.keepDisplayAwake).toHaveBeenLastCalledWith(false);
  });

  it('says refused when main refuses, and leaves the presenter window to main', async () => {
    const keel = withBridge();
    vi.mocked(keel.keepDisplayAwake).mockRejectedValueOnce(new Error('Refused'));
    expect((await holdDisplayAwake()).status).toBe('refused');
    vi.mocked(keel.keepDisplayAwake).mockClear();
    expect((await holdDisplayAwake(true)).status).toBe('on');
    expect(keel.keepDisplayAwake).not.toHaveBeenCalled();
  });
});
