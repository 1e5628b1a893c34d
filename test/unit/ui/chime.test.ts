import { afterEach, describe, expect, it, vi } from 'vitest';

// The chime is generated, not loaded: two oscillator tones through a gain envelope.

class FakeParam {
  readonly calls: string[] = [];
  setValueAtTime(v: number, t: number) {
    this.calls.push(`set ${v}@${t}`);
  }
  linearRampToValueAtTime(v: number, t: number) {
    this.calls.push(`ramp ${v}@${t}`);
  }
  exponentialRampToValueAtTime(v: number, t: number) {
    this.calls.push(`exp ${v}@${t.toFixed(2)}`);
  }
}

const made: { kind: string; options: Record<string, unknown>; started?: number; stopped?: number; gain?: FakeParam }[] = [];

class FakeNode {
  constructor(
    readonly context: unknown,
    readonly options: Record<string, unknown>,
  ) {}
  connect<T>(next: T): T {
    return next;
  }
}
class FakeOscillator extends FakeNode {
  private readonly record = { kind: 'oscillator', options: this.options } as (typeof made)[number];
  constructor(context: unknown, options: Record<string, unknown>) {
    super(context, options);
    made.push(this.record);
  }
  start(at: number) {
    this.record.started = at;
  }
  stop(at: number) {
    this.record.stopped = at;
  }
}
class FakeGain extends FakeNode {
  readonly gain = new FakeParam();
  constructor(context: unknown, options: Record<string, unknown>) {
    super(context, options);
    made.push({ kind: 'gain', options, gain: this.gain });
  }
}
let contexts = 0;
class FakeAudioContext {
  state = 'running';
  currentTime = 10;
  destination = {};
  constructor() {
    contexts++;
  }
  resume() {
    return Promise.resolve();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  made.length = 0;
});

describe('the chime', () => {
  it('plays two falling sine tones with a soft envelope, on one audio context', async () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    vi.stubGlobal('OscillatorNode', FakeOscillator);
    vi.stubGlobal('GainNode', FakeGain);
    const { playChime, unlockChime } = await import('../../../renderer/src/ui/chime');
    unlockChime();
    playChime();
    playChime();
    expect(contexts).toBe(1);
    const tones = made.filter((m) => m.kind === 'oscillator');
    expect(tones.slice(0, 2).map((t) => [t.options.type, t.options.frequency, t.started])).toEqual([
      ['sine', 880, 10],
      ['sine', 660, 10.35],
    ]);
    expect(tones[0]!.stopped).toBeCloseTo(10.65);
    expect(made.find((m) => m.kind === 'gain')!.gain!.calls).toEqual(['set 0@10', 'ramp 0.25@10.02', 'exp 0.001@10.60']);
  });

  it('stays silent where there is no Web Audio', async () => {
    vi.resetModules();
    const { playChime } = await import('../../../renderer/src/ui/chime');
    expect(() => playChime()).not.toThrow();
    expect(made).toEqual([]);
  });
});
