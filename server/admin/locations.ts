// Registers the Locations operations of Administration: reads straight from the database, every
// change through writeDirectory (versioned, audited). Never deletes a location.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { LOCATION_OPERATIONS as OPS } from '../../shared/admin/locations';
import { DEFAULT_PHONE_REGION } from '../directory/phone-e164';
import type { RouteDeps } from '../http/route-deps';
import { registerAdminOperation } from './admin-operations';
import { adminWrite } from './admin-store-kit';
import {
  createLocation,
  listLocations,
  setLocationActive,
  updateLocation,
} from './locations-store';

export function registerLocations(app: FastifyInstance, deps: RouteDeps): void {
  registerAdminOperation(app, deps, OPS['locations.list'], async (input) => ({
    locations: await listLocations(deps.db, input),
  }));
  registerAdminOperation(app, deps, OPS['locations.create'], async (input, context) => ({
    location: await adminWrite(deps, context, (w) => createLocation(w, randomUUID(), input)),
  }));
  registerAdminOperation(app, deps, OPS['locations.update'], async (input, context) => ({
    location: await adminWrite(deps, context, (w) =>
      updateLocation(w, input, deps.phoneRegion ?? DEFAULT_PHONE_REGION),
    ),
  }));
  registerAdminOperation(app, deps, OPS['locations.set-active'], async (input, context) => ({
    location: await adminWrite(deps, context, (w) => setLocationActive(w, input.id, input.active)),
  }));
}
