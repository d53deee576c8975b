// The records' schemas the command registry is built on (incidents, requests, walk-up visits, the
// catalog). app.tsx asks for this beside the interaction's schemas, the registry and the workspace's
// script: fetched at once, evaluated apart, each in a task of its own (decision 0016). It names one
// export of each module the build keeps in that chunk beside them: name fewer, and the build cuts
// the others into chunks of their own, scripts more for the desk's start (measured: a later LCP).

export { Request } from '../../shared/domain/request';
export { REOPEN_NOTE_PREFIX } from '../../shared/domain/incident';
export { Visit } from '../../shared/domain/visit';
