// What windows receive for a call: the record plus the people and names the screens show, resolved
// from the loaded directory as the other views are. Never changes a record.

import type { Call } from '../../shared/domain/call';
import { internationalForm } from '../../shared/domain/phone-international';
import type { CallPerson, CallView } from '../../shared/store-api/call-contract';
import type { LoadedDirectory } from './loaded-directory';

/** A caller or candidate as the banner shows them; null when the directory does not know them. */
export function callPerson(directory: LoadedDirectory, id: string | null): CallPerson | null {
  if (id === null) return null;
  const user = directory.getUser(id);
  if (!user) return null;
  return {
    id: user.id,
    name: user.name,
    vip: user.vip,
    email: user.email,
    phone: user.phone || user.mobile,
    department: user.department,
    location: user.location,
  };
}

/** The call for `agentId`'s desk (`seen`: this agent marked the missed call seen). */
export function toCallView(
  record: Call,
  directory: LoadedDirectory,
  interactionNumber: string | null,
  agentId: string,
): CallView {
  return {
    ...record,
    callerPerson: callPerson(directory, record.caller),
    candidatePeople: record.candidates.flatMap((id) => callPerson(directory, id) ?? []),
    answeredByName: directory.userName(record.answeredBy),
    numberInternational: internationalForm(record.numberE164),
    interactionNumber,
    seen: record.seenBy.includes(agentId),
  };
}
