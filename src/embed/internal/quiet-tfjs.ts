const NOISE = [/^Platform node has already been set/, /looks like you are running TensorFlow\.js in Node\.js/];

/**
 * Runs `load` with tfjs's start-up chatter filtered out of `console.warn`/`console.log`.
 * Several bundled copies of tfjs-core each register the "node" platform, and each later copy
 * warns about it; the warning is harmless and would otherwise land in every log.
 */
export async function withQuietTfjs<T>(load: () => Promise<T>): Promise<T> {
  const { warn, log } = console;
  const filter =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const text = args.map(String).join(" ").trim();
      if (!NOISE.some((pattern) => pattern.test(text))) original(...args);
    };
  console.warn = filter(warn);
  console.log = filter(log);
  try {
    return await load();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
