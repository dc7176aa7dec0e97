// Lets a child process run the TypeScript sources directly (`node -r ./tests/helpers/swc-register.js src/server.ts`),
// so scale and crash tests start real app processes without a prior build. Same swc settings as jest.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
