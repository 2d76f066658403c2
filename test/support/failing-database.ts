// A test database whose next write transactions fail, as a full disk or a lost connection makes them
// fail: `failNext(n)` makes the next n calls of `$transaction` reject with `message`, then it works again.
import type { Db } from '../../lib/db-client';

export function failingDatabase(db: Db, message: string): { db: Db; failNext: (count: number) => void } {
  let failing = 0;
  const wrapped = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== '$transaction') return Reflect.get(target, property, receiver);
      return (...args: Parameters<Db['$transaction']>) => {
        if (failing > 0) {
          failing -= 1;
          return Promise.reject(new Error(message));
        }
        return (target.$transaction as (...all: Parameters<Db['$transaction']>) => ReturnType<Db['$transaction']>)(
          ...args,
        );
      };
    },
  }) as Db;
  return { db: wrapped, failNext: (count) => (failing = count) };
}
