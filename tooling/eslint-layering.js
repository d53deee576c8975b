// The layering of ARCHITECTURE.md §1 as one table and one ESLint rule that refuses a wrong import.
// It only reads import specifiers; it never resolves packages on disk or follows re-exports.

import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/tooling/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Stands for every Node built-in, with or without the `node:` prefix. */
export const NODE_BUILTINS = 'node built-ins';

/**
 * @typedef {object} Layer
 * @property {string} folder repo-relative folder the layer owns
 * @property {readonly string[]} mayImport repo-relative folders its relative imports may reach
 * @property {readonly string[]} [testsMayImport] further folders its *.test.ts(x) files may reach
 * @property {readonly string[]} forbiddenPackages package names (or NODE_BUILTINS) it may not import
 * @property {string} why the rule in the architecture's words, shown in the lint message
 */

/** @type {readonly Layer[]} Most specific folder first: the first match decides. */
export const layers = [
  {
    folder: 'shared',
    mayImport: ['shared'],
    forbiddenPackages: [
      'electron',
      NODE_BUILTINS,
      'react',
      'react-dom',
      'dexie',
      'zustand',
      'downshift',
    ],
    why: 'shared/ is pure TypeScript: it imports only shared/, and nothing from DOM, Node, Electron or React',
  },
  {
    folder: 'renderer',
    mayImport: ['renderer', 'shared'],
    // A component test may render the whole app on a real store host, wired by web/testing.
    testsMayImport: ['web/testing'],
    forbiddenPackages: ['electron', NODE_BUILTINS, 'dexie'],
    why: 'renderer/ talks to the store host only through the typed client in shared/',
  },
  {
    folder: 'electron/store',
    mayImport: ['electron/store', 'shared'],
    // The sync engine's tests run the real desk server in process (*.with-server.test.ts).
    testsMayImport: ['server'],
    forbiddenPackages: ['electron', NODE_BUILTINS, 'react', 'react-dom'],
    why: 'the store host runs in a Worker or a sandboxed window: shared/ and web APIs only',
  },
  {
    folder: 'electron/main',
    mayImport: ['electron/main', 'shared'],
    forbiddenPackages: ['react', 'react-dom', 'dexie'],
    why: 'electron/main imports shared/, Electron and Node; never the UI or IndexedDB',
  },
  {
    folder: 'electron/preload',
    mayImport: ['electron/preload', 'shared'],
    forbiddenPackages: ['react', 'react-dom', 'dexie'],
    why: 'the preload is the smallest bridge: shared/ types, Electron and nothing of the UI',
  },
  {
    folder: 'server',
    mayImport: ['server', 'shared'],
    forbiddenPackages: ['electron', 'react', 'react-dom', 'dexie'],
    why: 'server/ imports shared/ and Node; never the UI, Electron or IndexedDB',
  },
  {
    folder: 'web',
    mayImport: ['web', 'renderer', 'electron/store', 'shared'],
    forbiddenPackages: ['electron', NODE_BUILTINS],
    why: 'web/ is the browser composition root: renderer/, the store host and shared/, no Node',
  },
];

const builtins = new Set(builtinModules);
const TEST_FILE = /\.test\.tsx?$/;

/** @param {string} repoRelative a path relative to the repo root, with forward slashes */
const layerOf = (repoRelative) =>
  layers.find(
    (layer) => repoRelative === layer.folder || repoRelative.startsWith(`${layer.folder}/`),
  );

/** @param {string} specifier a bare specifier such as `@scope/pkg/sub` or `node:fs` */
const packageOf = (specifier) => {
  if (specifier.startsWith('node:') || builtins.has(specifier)) return NODE_BUILTINS;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return builtins.has(name) ? NODE_BUILTINS : name;
};

/**
 * Decides whether `specifier`, written in the file at `filename`, crosses a layer boundary.
 * @param {string} filename absolute path of the importing file
 * @param {string} specifier the import specifier as written
 * @returns {string | undefined} the reason it is refused, or undefined when allowed
 */
export const checkImport = (filename, specifier) => {
  const fromFile = path.relative(repoRoot, filename).split(path.sep).join('/');
  const layer = layerOf(fromFile);
  if (!layer) return undefined;
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const target = path.resolve(path.dirname(filename), bare);
    const toFile = path.relative(repoRoot, target).split(path.sep).join('/');
    if (toFile.startsWith('..') || toFile.startsWith('node_modules/')) return undefined;
    const allowed = TEST_FILE.test(fromFile)
      ? [...layer.mayImport, ...(layer.testsMayImport ?? [])]
      : layer.mayImport;
    const reaches = allowed.some((folder) => toFile === folder || toFile.startsWith(`${folder}/`));
    return reaches ? undefined : `'${specifier}' reaches ${toFile}, outside ${allowed.join(', ')}`;
  }
  const pkg = packageOf(bare);
  if (!layer.forbiddenPackages.includes(pkg)) return undefined;
  return pkg === NODE_BUILTINS
    ? `'${specifier}' is a Node built-in`
    : `'${specifier}' is not allowed here`;
};

/** @type {import('eslint').Rule.RuleModule} */
const layerImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse imports that cross the layers of ARCHITECTURE.md §1.' },
    messages: { crossing: '{{reason}} — {{why}} (ARCHITECTURE.md §1).' },
    schema: [],
  },
  create(context) {
    const layer = layerOf(path.relative(repoRoot, context.filename).split(path.sep).join('/'));
    if (!layer) return {};

    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      const specifier = literalString(source);
      if (specifier === undefined) return;
      const reason = checkImport(context.filename, specifier);
      if (reason) context.report({ node, messageId: 'crossing', data: { reason, why: layer.why } });
    };

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0]);
      },
      /** `import('pkg').Type` in a type position. @param {import('estree').Node & { argument?: unknown, source?: unknown }} node */
      TSImportType: (node) => check(node, node.source ?? literalOfType(node.argument)),
    };
  },
};

/** @param {unknown} node */
const literalOfType = (node) =>
  node && typeof node === 'object' && 'literal' in node ? node.literal : node;

/** @param {unknown} node @returns {string | undefined} */
const literalString = (node) => {
  if (!node || typeof node !== 'object' || !('type' in node)) return undefined;
  if (node.type === 'Literal' && 'value' in node && typeof node.value === 'string')
    return node.value;
  if (node.type === 'TemplateLiteral' && 'quasis' in node && 'expressions' in node) {
    const { quasis, expressions } = /** @type {import('estree').TemplateLiteral} */ (node);
    if (expressions.length === 0) return quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
};

/** The local plugin, registered in eslint.config.js as `deskpad`. */
export const layeringPlugin = {
  meta: { name: 'deskpad-layering' },
  rules: { 'layer-imports': layerImports },
};
