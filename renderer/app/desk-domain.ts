// The domain's schemas the desk's parts check with. app.tsx asks for this beside the workspace's
// script and the command registry: fetched at once, evaluated apart, each in a task of its own
// (decision 0016).

export { InteractionFields } from '../../shared/domain/interaction';
