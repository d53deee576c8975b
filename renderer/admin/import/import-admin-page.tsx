// Administration → Import as the section shows it: the Import page on this window's store host.
// Composition only; the page owns its steps and calls.

import { useMemo } from 'react';
import { useStoreHost } from '../../app/deskpad-context';
import { useOpenAdminPage } from '../admin-navigation';
import { ImportPage } from './import-page';
import { storeImportApi } from './store-import-api';

export function ImportAdminPage() {
  const store = useStoreHost();
  const api = useMemo(() => storeImportApi(store), [store]);
  const openPage = useOpenAdminPage();
  return <ImportPage api={api} onAuditLog={() => openPage('audit')} />;
}
