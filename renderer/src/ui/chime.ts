// The chime when a block's time is up: two soft tones made with the Web Audio API (no sound
// file to ship or load). One audio context serves the window; a browser that has no Web Audio,
// or refuses to play, stays silent (the visible signal is always there).

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined;
  context ??= new AudioContext();
  // Created or suspended before a user gesture: resuming may be refused, then it stays quiet.
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  return context;
}

/** Readies sound from a user gesture (turning the chime on), so a later chime may play. */
export function unlockChime(): void {
  audio();
}

/** Plays the chime once: a falling pair of sine tones, about a second long. */
export function playChime(): void {
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime;
  [880, 660].forEach((frequency, i) => {
    const at = start + i * 0.35;
    const oscillator = new OscillatorNode(ctx, { type: 'sine', frequency });
    const gain = new GainNode(ctx, { gain: 0 });
    // A quick rise and a gentle fall: no click at either end.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.6);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.65);
  });
}
