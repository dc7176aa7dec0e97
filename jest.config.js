/** @type {import('jest').Config} */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/tests/e2e/', '/tests/bench/'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // meilisearch, feed and file-type ship ESM only; transform them like our own code.
  transformIgnorePatterns: ['/node_modules/(?!(meilisearch|feed|file-type|strtok3|token-types|peek-readable|uint8array-extras|@tokenizer|@borewit)/)'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testTimeout: 30000,
  // One worker per core (jest's default leaves one core to itself, which on CI's two cores is one
  // worker): much of a test waits on SQLite's threads, PostgreSQL or a child process, so both cores
  // stay busy. Every test file has its own SQLite file or PostgreSQL schema. At most four: each
  // worker's app holds PostgreSQL connections of its own.
  maxWorkers: Math.max(1, Math.min(4, require('node:os').availableParallelism())),
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
};
