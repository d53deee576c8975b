// A directory user for tests, with every field filled: a test names only what it is about.

import type { User } from '../directory';

export const testUser = (overrides: Partial<User> = {}): User => ({
  id: 'usr_agent_1',
  userName: 'sam.agent',
  firstName: 'Sam',
  lastName: 'Agent',
  name: 'Sam Agent',
  email: 'sam.agent@example.test',
  phone: '+1 555 0100',
  employeeId: 'E0001',
  department: 'Service Desk',
  location: 'HQ',
  vip: false,
  active: true,
  mobile: '',
  phoneE164: '',
  mobileE164: '',
  roles: ['agent'],
  ...overrides,
});
