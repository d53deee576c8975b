// The record schemas the command registry is built on (incidents, requests, walk-up visits, calls).
// app.tsx asks for this beside the domain's schemas, the registry and the workspace's script:
// fetched at once, evaluated apart, each in a task of its own (decision 0016).

export { Incident } from '../../shared/domain/incident-record';
export { Request } from '../../shared/domain/request';
export { Visit } from '../../shared/domain/visit';
export { Call } from '../../shared/domain/call';
