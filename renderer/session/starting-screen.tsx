// What the window shows until it is known whether this desk works on its own, must sign in, or is
// signed in: a neutral "Starting…", never the workspace of an agent who is not there; or what
// kept it from starting.

export function StartingScreen({ problem = null }: { problem?: string | null }) {
  return (
    <main className="starting" aria-busy={problem === null} aria-label="Deskpad">
      <p role="status">{problem ?? 'Starting…'}</p>
    </main>
  );
}
