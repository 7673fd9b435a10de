/** The slice of Electron's powerMonitor this module needs. */
export interface PowerEvents {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
}

/**
 * Timers are suspended with the machine, so after a sleep the scheduler would wait out the rest
 * of its timer before catching up. Resume and unlock wake it at once (unlock too, because some
 * systems report only that after a short sleep). Returns a function that stops listening.
 */
export function wakeOnResume(power: PowerEvents, wake: () => void): () => void {
  const listener = () => wake();
  power.on('resume', listener);
  power.on('unlock-screen', listener);
  return () => {
    power.removeListener('resume', listener);
    power.removeListener('unlock-screen', listener);
  };
}
