// Types of node-flags.mjs for the TypeScript that imports it (tests, e2e and fault suites).
export declare const SERVER_NODE_FLAGS: readonly string[];
