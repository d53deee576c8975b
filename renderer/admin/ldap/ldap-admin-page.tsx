// The LDAP page as Administration lists it: the page's client made of admin calls through the
// store host (an unanswered call becomes its message in words). Wiring only.

import { useMemo } from 'react';
import type { AdminInput, AdminOperationName, AdminOutput } from '../../../shared/admin/operations';
import type { StoreResult } from '../../../shared/domain/result';
import { useAdminCall } from '../admin-client';
import { LdapPage, type LdapPageClient } from './ldap-page';

type Call = <N extends AdminOperationName>(
  name: N,
  input: AdminInput<N>,
) => Promise<StoreResult<AdminOutput<N>>>;

export function ldapPageClient(call: Call): LdapPageClient {
  const value = async <T,>(result: Promise<StoreResult<T>>): Promise<T> => {
    const answer = await result;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  return {
    getSettings: () => value(call('ldap.settings.get', {})),
    saveSettings: (input) => value(call('ldap.settings.save', input)),
    test: (input) => value(call('ldap.test', input)),
    syncNow: () => value(call('ldap.sync', {})),
    status: () => value(call('ldap.status', {})),
  };
}

export function LdapAdminPage() {
  const call = useAdminCall();
  const client = useMemo(() => ldapPageClient(call), [call]);
  return <LdapPage client={client} />;
}
