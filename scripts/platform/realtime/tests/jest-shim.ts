/**
 * The part of Jest that supabase-js's integration tests use (describe, describe.each, test,
 * test.skip, beforeEach, afterEach, expect with toBe, toEqual and toBeDefined), on Deno.test, so
 * a block of those tests can be pasted unchanged. Each `test` becomes one Deno test named
 * `<describe names> > <test name>`, run with the enclosing beforeEach and afterEach hooks and
 * failed after the test's own timeout, as Jest does.
 */
import assert from "node:assert/strict";

type Hook = () => unknown | Promise<unknown>;

interface Suite {
  names: string[];
  beforeEach: Hook[];
  afterEach: Hook[];
}

const options = { sanitizeResources: false, sanitizeOps: false };
let current: Suite = { names: [], beforeEach: [], afterEach: [] };

function within(name: string, body: () => void) {
  const parent = current;
  current = {
    names: [...parent.names, name],
    beforeEach: [...parent.beforeEach],
    afterEach: [...parent.afterEach],
  };
  try {
    body();
  } finally {
    current = parent;
  }
}

type Row = Record<string, unknown>;

/** Jest's `$key` interpolation in describe.each titles. */
const title = (template: string, row: Row) =>
  template.replace(/\$(\w+)/g, (_, key) => String(row[key]));

export const describe = Object.assign(
  (name: string, body: () => void) => within(name, body),
  {
    each: <T extends Row>(rows: T[]) => (name: string, body: (row: T) => void) => {
      for (const row of rows) within(title(name, row), () => body(row));
    },
  },
);

export function beforeEach(hook: Hook) {
  current.beforeEach.push(hook);
}

export function afterEach(hook: Hook) {
  current.afterEach.unshift(hook);
}

function withTimeout(run: () => Promise<unknown>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    run(),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Exceeded timeout of ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export const test = Object.assign(
  (name: string, body: () => unknown | Promise<unknown>, timeoutMs = 5000) => {
    const suite = current;
    Deno.test([...suite.names, name].join(" > "), options, async () => {
      try {
        for (const hook of suite.beforeEach) await hook();
        await withTimeout(async () => await body(), timeoutMs);
      } finally {
        for (const hook of suite.afterEach) await hook();
      }
    });
  },
  {
    skip: (name: string, _body?: unknown, _timeoutMs?: number) => {
      Deno.test({ name: [...current.names, name].join(" > "), ignore: true, fn() {} });
    },
  },
);

export function expect(actual: unknown) {
  return {
    toBe: (expected: unknown) =>
      assert.ok(Object.is(actual, expected), `${actual} !== ${expected}`),
    toEqual: (expected: unknown) => assert.deepStrictEqual(actual, expected),
    toBeDefined: () => assert.notEqual(actual, undefined),
  };
}
