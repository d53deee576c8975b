// The LDAP bench's TypeScript half, bundled for Node by bench/ldap-bench.mjs: the test slapd, its
// administrator and the generated users. Re-exports only; it never starts anything by itself.

export { ldapAdmin } from './ldap-admin';
export { GROUPS_DN, TEST_BASE_DN, testLdapUser } from './ldap-ldif';
export { startSlapd, SYNC_BIND_DN, SYNC_BIND_PASSWORD } from './slapd';
