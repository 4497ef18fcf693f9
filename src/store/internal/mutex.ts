/**
 * A promise-chain mutex: tasks run one after another in call order. LanceDB retries
 * conflicting commits, but read-modify-write sequences (claim, replace chunks) need
 * to be serial to be correct, so every write of a store goes through one of these.
 */
export interface Mutex {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createMutex(): Mutex {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task);
      // The chain must survive a failed task; the caller still sees the rejection.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
