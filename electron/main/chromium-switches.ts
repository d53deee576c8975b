// Chromium switches the desktop app sets before `ready`. Each one is here for a measured reason;
// never a switch that weakens the sandbox or the web security of a window.

export interface CommandLine {
  appendSwitch(name: string, value?: string): void;
}

/**
 * Chromium holds posted messages back until the next frame after a key press
 * (DeferRendererTasksAfterInput). The caller lookup's matches arrive from the store host as a
 * posted message, so each keystroke's results waited one extra frame: p95 18–22 ms with it,
 * 15 ms without (`npm run bench`, 100,000 users). A page cannot turn this off; the desktop app can.
 */
export const DISABLED_FEATURES = ['DeferRendererTasksAfterInput'] as const;

export function applyChromiumSwitches(commandLine: CommandLine): void {
  commandLine.appendSwitch('disable-features', DISABLED_FEATURES.join(','));
}
