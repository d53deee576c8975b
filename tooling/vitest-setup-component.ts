// Setup for the `component` test project (jsdom): an IndexedDB, and an unmounted DOM after each test.
// It installs no matchers or globals; tests import what they use from vitest and testing-library.

import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait up to 5 s, not 1: two test files run at once on two cores, and a
// screen on a real store host (fake-indexeddb) can take over a second to answer then.
configure({ asyncUtilTimeout: 5_000 });

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
