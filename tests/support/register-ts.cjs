// Lets a plain `node` child process load the project's TypeScript (node -r tests/support/register-ts.cjs x.ts):
// each .ts file is transpiled to CommonJS with TypeScript's own transpileModule, without type checking (jest and
// tsc check the same files). Used by tests that need a second Node process, such as cross-process contention.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};
