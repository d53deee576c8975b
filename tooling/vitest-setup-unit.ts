// Setup for the `unit` test project: gives Node an IndexedDB so the store host runs as in Chromium.
// Nothing else: unit tests pass their own clock, ids and database in.

import 'fake-indexeddb/auto';
