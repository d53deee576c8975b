// The flags every desk server process is started with (`npm run server`, `npm start`, the tests'
// and the benchmarks' server processes), so what is measured is what runs. Plain JavaScript: the
// launch scripts and benchmarks import it without a build.
//
// --max-semi-space-size: V8's young generation, 16 MiB per semi-space by default on 64-bit. A
// desk server allocates in short bursts (a push, a pull page, an import batch); what outlives a
// scavenge is promoted, and the old generation then grows by whole batches until a major
// collection. A smaller young generation collects those bursts sooner: on a million-row import
// the server's peak resident set falls from 289–305 MiB to 250–268 MiB (decision 0009, measured
// with the import benchmark), the idle server from 127 to about 110 MiB, for a few per cent more
// CPU (see the decision's table).

/** Node's own flags for the desk server, before the script path. */
export const SERVER_NODE_FLAGS = Object.freeze(['--max-semi-space-size=8']);
