// The command registry the desk's parts read permissions and descriptions from, with the
// commands' own schemas. app.tsx asks for this beside the workspace's script and the domain's
// schemas: fetched at once, evaluated apart, each in a task of its own (decision 0016).

export { commandModule } from '../../shared/commands/registry';
