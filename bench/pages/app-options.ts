// How the bench's app page tells its store worker which directory to open: the worker's name.
// Pure; it never opens anything itself.

const PREFIX = 'deskpad-bench-store';

export interface AppStoreOptions {
  dbName: string;
  demoUsers: number;
}

export function workerName(options: AppStoreOptions): string {
  return `${PREFIX} ${options.demoUsers} ${options.dbName}`;
}

export function parseWorkerName(name: string): AppStoreOptions {
  const [prefix, users, dbName] = name.split(' ');
  const demoUsers = Number(users);
  if (prefix !== PREFIX || !Number.isInteger(demoUsers) || demoUsers <= 0 || !dbName)
    throw new Error(`Not a bench store worker name: "${name}".`);
  return { dbName, demoUsers };
}

/** `?users=100000&db=bench-host`, with the app's defaults where a parameter is missing. */
export function optionsFromSearch(search: string): AppStoreOptions {
  const params = new URLSearchParams(search);
  const demoUsers = Number(params.get('users') ?? '5000');
  return {
    demoUsers: Number.isInteger(demoUsers) && demoUsers > 0 ? demoUsers : 5000,
    dbName: params.get('db') ?? 'deskpad-bench',
  };
}
