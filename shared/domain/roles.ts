// Who a signed-in account is: the desk roles and the restricted walk-up accounts (decision 0008).
// Its own module so a window that checks permissions loads these words, not the server's API schemas.

/** Desk roles, and the restricted kiosk and lobby accounts of the walk-up pages (decision 0008). */
export const ROLES = ['agent', 'technician', 'manager', 'admin', 'kiosk', 'lobby'] as const;
export type Role = (typeof ROLES)[number];
