// The few node:assert checks the web tests use: a web worker has no node:assert.
class AssertionError extends Error {}

const show = (value) => JSON.stringify(value);

exports.ok = (value, message) => {
  if (!value) throw new AssertionError(message || `expected a truthy value, got ${show(value)}`);
};
exports.strictEqual = (actual, expected, message) => {
  if (actual !== expected) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual)} !== ${show(expected)}`);
};
exports.match = (text, re, message) => {
  if (!re.test(text)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(text)} does not match ${re}`);
};
/** Equal as JSON (plain data only), reporting the first entry that differs. */
exports.deepStrictEqual = (actual, expected, message) => {
  if (show(actual) === show(expected)) return;
  const at = Array.isArray(actual) && Array.isArray(expected) ? actual.findIndex((a, k) => show(a) !== show(expected[k])) : -1;
  const detail = at >= 0 ? `first difference at [${at}]: ${show(actual[at])} vs ${show(expected[at])}` : `${show(actual).slice(0, 300)} vs ${show(expected).slice(0, 300)}`;
  throw new AssertionError(`${message ? `${message}: ` : ''}${detail}`);
};
