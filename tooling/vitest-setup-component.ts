// Setup for the `component` test project (jsdom): an IndexedDB, and an unmounted DOM after each test.
// It installs no matchers or globals; tests import what they use from vitest and testing-library.

import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
