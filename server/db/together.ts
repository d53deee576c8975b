// Statements sent together on one transaction's connection, awaited together. Never answers (nor
// throws) before every one has ended, so none can run after the transaction's ROLLBACK.

/**
 * Like Promise.all, but a failure is thrown only once every statement has settled: with
 * Promise.all, a statement still on its way would reach the connection after Kysely's ROLLBACK,
 * outside the transaction (committed on its own), or inside the next one to use that connection.
 */
export async function together<T extends readonly Promise<unknown>[]>(
  statements: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(statements);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}
