// The flags every desk server process is started with (`npm run server`, `npm start`, the tests'
// and the benchmarks' server processes), so what is measured is what runs. Plain JavaScript: the
// launch scripts and benchmarks import it without a build.
//
// --max-semi-space-size: V8's young generation, 16 MiB per semi-space by default on 64-bit. A
// desk server allocates in short bursts (a push, a pull page, an import batch); what outlives a
// scavenge is promoted, and the old generation then fills with dead batches until a major
// collection (a million-row dry run: 31 MB live, the heap swinging up to 130 MB each second). A
// smaller young generation promotes less: on a quiet machine the million-row import's peak
// resident set is 311–320 MiB at 16, 278–291 at 8 and 257–281 at 4, for about a fifth more CPU
// during the import (decision 0009).

/** Node's own flags for the desk server, before the script path. */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=4']);
