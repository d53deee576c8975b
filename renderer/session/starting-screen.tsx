// What the window shows until it is known whether this desk works on its own, must sign in, or is
// signed in: a neutral "Starting…", never the workspace of an agent who is not there.

export function StartingScreen() {
  return (
    <main className="starting" aria-busy="true" aria-label="Deskpad">
      <p role="status">Starting…</p>
    </main>
  );
}
