// `npm run bench [-- --write-readme]`: the figures of issues 2 and 3 in headless Chromium and real
// desk server processes. The runner lives in bench/ with its pages; this only hands over. Never in `npm test`.

await import(new URL('../bench/run-bench.mjs', import.meta.url).href);
