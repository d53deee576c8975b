// `npm run bench [-- --write-readme]`: the figures of issue 2 in headless Chromium. The runner
// lives in bench/ with its pages; this entry only hands over to it. Never run by `npm test`.

await import(new URL('../bench/run-bench.mjs', import.meta.url).href);
