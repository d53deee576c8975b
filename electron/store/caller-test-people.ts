// A directory user for the caller-lookup tests, with the fields they do not care about filled in.

import type { User } from '../../shared/domain/directory';

export function person(
  id: string,
  firstName: string,
  lastName: string,
  extra: Partial<User> = {},
): User {
  const userName = extra.userName ?? `${firstName}.${lastName}`.toLowerCase();
  return {
    id,
    userName,
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    email: `${userName}@deskpad.example`,
    phone: '+1 555 000 0000',
    employeeId: `E0${id.padStart(5, '0')}`,
    department: 'Finance',
    location: 'London – Riverside House',
    vip: false,
    active: true,
    mobile: '',
    phoneE164: '',
    mobileE164: '',
    roles: [],
    ...extra,
  };
}
