// How a page of the Administration section opens another one (the Import summary's link to the
// Audit log). The section provides it; pages only call it.

import { createContext, useContext } from 'react';

export const OpenAdminPageContext = createContext<(pageId: string) => void>(() => undefined);

export const useOpenAdminPage = (): ((pageId: string) => void) => useContext(OpenAdminPageContext);
