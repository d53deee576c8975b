// Records the window's long tasks (PerformanceObserver 'longtask': anything over 50 ms on the UI
// thread) between start and stop. Observes only; never schedules work of its own.

export interface LongTaskRecorder {
  /** Every long task's duration (ms) since the recorder started, in the order they ended. */
  stop(): number[];
}

export function recordLongTasks(): LongTaskRecorder {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  return {
    stop: () => {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return durations;
    },
  };
}
