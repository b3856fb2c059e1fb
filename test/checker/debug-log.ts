/** Runs `run` with DNSMC_DEBUG set, collecting what the engine prints for debugging into `log`. */
export async function withDebug<T>(log: string[], run: () => Promise<T>): Promise<T> {
  const error = console.error;
  process.env.DNSMC_DEBUG = "1";
  console.error = (line: string) => void log.push(String(line));
  try {
    return await run();
  } finally {
    console.error = error;
    delete process.env.DNSMC_DEBUG;
  }
}
