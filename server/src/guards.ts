// Two guards of the server's input: content that is binary rather than notes, and handlers that throw (the
// error is logged with its context and answered as an error; the session goes on).
import type { Connection } from 'vscode-languageserver';

/** Binary content: many NULs and other control characters near the start (a stray one is just a typo). */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  const controls = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return head.length > 0 && controls / head.length > 0.05;
}

/**
 * The connection, with every handler registered through it (connection.onX(...)) wrapped so that an error
 * is logged with its context before the library answers the request with an error. The session goes on.
 */
export function guarded(connection: Connection, report: (name: string, error: unknown) => void, onMessage: () => void): Connection {
  const wrap = (name: string, handler: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]): unknown {
      onMessage();
      try {
        const result = handler.apply(this, args);
        if (result instanceof Promise) return result.catch((error: unknown) => {
          report(name, error);
          throw error;
        });
        return result;
      } catch (error) {
        report(name, error);
        throw error;
      }
    };
  return new Proxy(connection, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && /^on[A-Z]/.test(prop)) {
        return (...args: unknown[]) => {
          const label = typeof args[0] === 'string' ? args[0] : prop.slice(2);
          return (value as (...a: unknown[]) => unknown).apply(target, args.map((a) => (typeof a === 'function' ? wrap(label, a as (...x: unknown[]) => unknown) : a)));
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
